def support = new GroovyShell(this.class.classLoader).parse(new File(itLib, "ItSupport.groovy"))
def docker = { String... args -> support.docker(args.toList()) }

def report = support.json(basedir, "target/cf-containers/build.json")
assert report.dev == true
def image = report.containers[0]
assert image.image == "cloudflare-dev/it-dev-devcontainer:${image.tag}"
assert docker("run", "--rm", "--network", "none", image.image, "cat", "/mode") == "dev"

def log = new File(basedir, "build.log").text
assert log.contains("Skipping cf:build (cf.skip=true)")
assert log.contains("Skipping cf:build (cf.build.skip=true)")
assert !new File(basedir, "target/skipped").exists()
assert !new File(basedir, "target/skipped-by-property").exists()
support.removeImages([image.image])
return true
