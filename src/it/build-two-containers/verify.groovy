def support = new GroovyShell(this.class.classLoader).parse(new File(itLib, "ItSupport.groovy"))
def docker = { String... args -> support.docker(args.toList()) }

def report = support.json(basedir, "target/cf-containers/build.json")
assert report.worker == "two-worker"
assert report.containers*.name == ["two-worker-frontcontainer", "two-worker-backend"]
assert report.containers*.className == ["FrontContainer", "BackContainer"]
def front = report.containers[0], back = report.containers[1]
assert front.imageId != back.imageId
assert docker("run", "--rm", "--network", "none", front.image, "cat", "/role") == "front"
assert docker("run", "--rm", "--network", "none", back.image, "cat", "/role") == "back"
support.removeImages([front.image, back.image])
return true
