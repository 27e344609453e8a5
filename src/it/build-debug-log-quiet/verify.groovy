def support = new GroovyShell(this.class.classLoader).parse(new File(itLib, "ItSupport.groovy"))

def log = new File(basedir, "build.log").text
// -X was on, and reached the Docker client: httpclient5 and docker-java logged at DEBUG.
assert log.contains("[DEBUG] Cmd: ") : "docker-java's debug output is missing: was -X on?"
assert log =~ /\[DEBUG\] ex-\d+ /: "httpclient5's exchange debug lines are missing: was -X on?"
// But not the header logger (">> Host: ...", ">> X-Registry-Auth: ...") nor the wire logger (">> \"POST ...").
def transport = log.readLines().findAll { it =~ /http-outgoing-\d+ (>>|<<) / }
assert transport.isEmpty() : "httpclient5 logged headers or wire bytes under -X: ${transport.take(3)}"

def report = support.json(basedir, "target/cf-containers/build.json")
support.removeImages([report.containers[0].image])
return true
