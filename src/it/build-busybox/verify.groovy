def support = new GroovyShell(this.class.classLoader).parse(new File(itLib, "ItSupport.groovy"))
def docker = { String... args -> support.docker(args.toList()) }

def log = new File(basedir, "build.log").text
def first = support.json(basedir, "target/first-build/build.json")
def second = support.json(basedir, "target/cf-containers/build.json")

assert second.worker == "it-busybox"
assert second.containers.size() == 1
def image = second.containers[0]
assert image.name == "it-busybox-mycontainer"
assert image.className == "MyContainer"
assert image.imageId ==~ /sha256:[0-9a-f]{64}/
assert image.tag == image.imageId.substring(7, 19) : "the default tag is derived from the image id"
assert image.image == "it-busybox-mycontainer:${image.tag}"
assert image.platform == "linux/amd64"
assert image.size > 0
assert !image.prebuilt

// An unchanged build yields the same image and so the same tag.
assert first.containers[0].imageId == image.imageId
assert first.containers[0].tag == image.tag

// The image is really in the engine, with our labels and the user's, and serves the file.
assert docker("image", "inspect", "--format", "{{.Id}}", image.image) == image.imageId
assert docker("image", "inspect", "--format", "{{index .Config.Labels \"org.example.team\"}}", image.image) == "payments"
assert docker("image", "inspect", "--format", "{{index .Config.Labels \"io.github.cfcontainers.class\"}}", image.image) == "MyContainer"
assert docker("run", "--rm", "--network", "none", image.image, "cat", "/www/index.html") == "hello from busybox"

assert log.contains("Step 1/")
assert log.contains("Built it-busybox-mycontainer:${image.tag}")
assert new File(basedir, "target/cf-containers/it-busybox-mycontainer-build.log").text.contains("Successfully built")

support.removeImages([image.image])
return true
