def support = new GroovyShell(this.class.classLoader).parse(new File(itLib, "ItSupport.groovy"))
def docker = { String... args -> support.docker(args.toList()) }

def image = support.json(basedir, "target/cf-containers/build.json").containers[0]
assert image.image == "it-multistage-stagecontainer:stage-test" : "a configured tag overrides the derived one"
assert image.tag == "stage-test"
// The build arg reached the target stage, and the build stopped there.
assert docker("run", "--rm", "--network", "none", image.image, "cat", "/greeting") == "hello-from-build-args"
assert docker("run", "--rm", "--network", "none", image.image, "cat", "/stage-base") == "base"
assert docker("run", "--rm", "--network", "none", image.image, "sh", "-c", "test -e /stage-final && echo present || echo absent") == "absent"
support.removeImages([image.image])
return true
