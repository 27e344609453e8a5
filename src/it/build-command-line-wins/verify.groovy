def support = new GroovyShell(this.class.classLoader).parse(new File(itLib, "ItSupport.groovy"))
def docker = { String... args -> support.docker(args.toList()) }

def log = new File(basedir, "build.log").text
assert !log.contains("Skipping cf:build") : "-Dcf.skip=false must beat <skip>true</skip>"
assert !new File(basedir, "target/from-pom").exists() : "-Dcf.outputDirectory must beat <outputDirectory>"

def report = support.json(basedir, "target/from-command-line/build.json")
assert report.worker == "orders-staging" : "-Dcf.workerName must beat <workerName>orders</workerName>"
def image = report.containers[0]
assert image.name == "orders-staging-mycontainer"
assert image.image == "orders-staging-mycontainer:${image.tag}"
assert docker("image", "inspect", "--format", "{{index .Config.Labels \"io.github.cfcontainers.class\"}}", image.image) == "MyContainer"
support.removeImages([image.image])
return true
