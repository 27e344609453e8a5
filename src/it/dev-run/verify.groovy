// `mvn package cf:dev` in the background, as a developer runs it; then requests through the
// Worker, then SIGINT to Maven, and nothing of it may be left: no container, no process.
def support = new GroovyShell(this.class.classLoader).parse(new File(itLib, "ItSupport.groovy"))
def port = new File(basedir, "dev-port.txt").text.trim() as int
def devLog = new File(basedir, "dev.log")
def prefix = "workerd-dev-run-MyContainer-"
// The Worker secret's value, from the environment as in CI; split so this file does not hold it.
def secretValue = "dev-run-secret-" + "7c41"
def maven = support.startDev(basedir, port, ["package", "cf:dev"], [DEV_RUN_API_KEY: secretValue], devLog, itLocalRepo)
def tree = []
try {
  def get = { String path -> support.getDev(port, path, devLog) }
  assert get("/") == "var GREETING_SOURCE=the POM\n" : "the POM's <vars> reach the Worker"
  long first = System.nanoTime()
  def one = get("/one/env.txt")
  println "first request through the container ${(System.nanoTime() - first) / 1e9} s"
  assert one.readLines().contains("GREETING=hello from envVars") : "the class's envVars in the container:\n${one}"
  assert one.readLines().contains("API_KEY=" + secretValue) : "the Worker secret, through envVars:\n${one}"
  def two = get("/two/env.txt")
  def host = { String env -> env.readLines().find { it.startsWith("HOSTNAME=") } }
  assert host(one) && host(one) != host(two) : "a second name reaches a second instance:\n${one}\n${two}"
  assert get("/one/env.txt") == one : "the same name reaches the same instance"

  def names = support.docker(["ps", "--filter", "name=${prefix}".toString(), "--format", "{{.Names}}"]).readLines()
  assert names.count { !it.endsWith("-proxy") } == 2 && names.count { it.endsWith("-proxy") } == 2 : names
  long waited = System.nanoTime()
  while (!devLog.text.contains("dev-run container serving on 8080") && System.nanoTime() - waited < 10e9) {
    Thread.sleep(200)
  }
  assert devLog.text.contains("dev-run container serving on 8080") : "container output streams to the Maven log"

  tree = maven.toHandle().descendants().toList()
  println "under Maven: " + tree.collect { "${it.pid()} ${it.info().command().orElse('?')}" }
  assert tree.any { it.info().command().orElse("").endsWith("node") } : "the runtime runs under Maven"
  support.stopDev(maven, devLog)
} finally {
  if (maven.alive) {
    maven.destroyForcibly()
  }
}
def log = devLog.text
assert log.contains("Stopped the local Worker; removed its containers") : log
def left = support.docker(["ps", "-a", "--filter", "name=${prefix}".toString(), "--format", "{{.Names}}"])
assert left.isEmpty() : "containers left after SIGINT: ${left}"
// The secret went over the launcher's stdin: no file of the build and not the Maven log holds it.
assert !devLog.text.contains(secretValue) : "the Maven log printed the Worker secret"
new File(basedir, "target").eachFileRecurse(groovy.io.FileType.FILES) { f ->
  assert !f.getText("ISO-8859-1").contains(secretValue) : "${f} holds the Worker secret"
}
long gone = System.nanoTime()
while (tree.any { it.alive } && System.nanoTime() - gone < 10e9) {
  Thread.sleep(200)
}
assert tree.every { !it.alive } : "processes left after SIGINT: " +
    tree.findAll { it.alive }.collect { "${it.pid()} ${it.info().commandLine().orElse('?')} parent ${it.parent()}" }

def dev = support.json(basedir, "target/cf-containers/dev/build.json")
assert dev.dev && dev.containers[0].image.startsWith("cloudflare-dev/dev-run-mycontainer:")
support.removeImages([dev.containers[0].image, support.json(basedir, "target/cf-containers/build.json").containers[0].image])
return true
