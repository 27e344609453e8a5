def support = new GroovyShell(this.class.classLoader).parse(new File(itLib, "ItSupport.groovy"))
def emulator = support.emulator(basedir)
def project = new File(basedir, "generated/e2e-app")
try {
  def runs = support.invocations(basedir)
  assert runs.size() == 3 : "three invocations, got ${runs.size()}"
  runs.eachWithIndex { run, i -> assert run.contains("BUILD SUCCESS") : "invocation ${i + 1} failed:\n${run}" }
  def (generate, first, unchanged) = runs
  assert new File(project, "Dockerfile").isFile()

  assert first.contains("Tests run: 5, Failures: 0")
  assert first.contains("Worker e2e-app: create (classes MyContainer)")
  assert first.contains("Application e2e-app-mycontainer: create")
  assert first.contains("pushing ")
  assert first.trim().readLines().findAll { it.startsWith("[INFO] https://") } == ["[INFO] https://e2e-app.it.workers.dev"]
  // The emulator ran the uploaded Worker (Worker -> Durable Object -> container), so the container
  // got the Container class's envVars from worker/src/container.ts.
  def runtime = support.admin(emulator, "/state").worker_runtime
  assert runtime.mode == "worker" : "the emulator did not run the Worker: ${runtime} (the test ground exports CF_EMULATOR_WORKER_RUNTIME)"
  def answer = support.fetchWorker(emulator, "e2e-app")
  assert answer.startsWith("Hello from e2e-app! MESSAGE: I was passed in via the container class!") : answer
  def pathAnswer = support.fetchWorker(emulator, "e2e-app", "instance/second/hello")
  assert pathAnswer.contains("MESSAGE: I was passed in via the container class! (path /instance/second/hello)") : pathAnswer

  assert unchanged.contains("Worker e2e-app: no change")
  assert unchanged.contains("Application e2e-app-mycontainer: no change")
  assert !unchanged.contains("pushing ")
  def writesBefore = support.requestLines(emulator).findAll { !it.startsWith("GET ") && !it.contains("/credentials") }
  assert writesBefore.count { it.startsWith("PUT ") } == 1 : writesBefore
  assert writesBefore.count { it ==~ /PATCH .*/ } == 0 : writesBefore
  assert writesBefore.count { it ==~ /POST .*\/rollouts/ } == 0 : writesBefore
  def answered = support.admin(emulator, "/state").applications.find { it.name == "e2e-app-mycontainer" }
  assert !answered.configuration.containsKey("instance_type") && answered.configuration.vcpu : "sizes-only answers"

  // Change the Java code and deploy again, as a user would: new image, rollout, same Worker.
  def app = new File(project, "src/main/java/it/e2e/App.java")
  assert app.text.contains("Hello from ")
  app.text = app.text.replace("Hello from ", "Hello again from ")
  // -llr: the artifacts invoker fetched through its own repository id count as present.
  def mvn = { String goal ->
    // the generated project has a .mvn of its own: the IT's settings go on the command line
    def command = ["mvn", "-B", "-llr", "-Dmaven.repo.local=${itLocalRepo}".toString()] +
        support.mavenConfig(basedir) + [goal]
    def process = new ProcessBuilder(command).directory(project).redirectErrorStream(true)
    process.environment().put("CLOUDFLARE_API_TOKEN", support.itToken())
    def started = process.start()
    def log = started.inputStream.text
    new File(basedir, "${goal.replace(':', '-')}.log").text = log
    assert started.waitFor() == 0 : "mvn ${goal} failed:\n${log}"
    return log
  }
  def output = mvn("deploy")
  assert output.contains("pushing ")
  assert output.contains("Worker e2e-app: no change")
  assert output =~ /Application e2e-app-mycontainer: update \(image: .*\) \+ rollout/
  assert output.contains("rollout ") && output.contains(" started")
  assert support.awaitWorker(emulator, "e2e-app", "") { it.startsWith("Hello again from e2e-app! MESSAGE: I was passed in via the container class!") }

  // Locally, as a developer runs it: cf:dev serves the generated project on 127.0.0.1 through the
  // Worker, and the Java service answers with the class's MESSAGE; Ctrl-C leaves no container.
  int devPort = support.freePort()
  def devLog = new File(basedir, "cf-dev.log")
  def dev = support.startDev(project, devPort, support.mavenConfig(basedir) + ["cf:dev"], [:], devLog, itLocalRepo)
  try {
    def local = support.getDev(devPort, "/instance/local/", devLog)
    assert local.startsWith("Hello again from e2e-app! MESSAGE: I was passed in via the container class!") : local
  } finally {
    support.stopDev(dev, devLog)
  }
  def leftByDev = support.docker(["ps", "-a", "--filter", "name=workerd-e2e-app-MyContainer-", "--format", "{{.Names}}"])
  assert leftByDev.isEmpty() : "containers left by cf:dev: ${leftByDev}"

  // Tear it down as a user would: nothing of e2e-app is left, and status then says so.
  def destroyed = mvn("cf:destroy")
  assert destroyed.contains("e2e-app-mycontainer") : destroyed
  def state = support.admin(emulator, "/state")
  assert !state.scripts.any { it.id == "e2e-app" || it.name == "e2e-app" } : state.scripts
  assert !state.namespaces.any { it.script == "e2e-app" } : state.namespaces
  assert !state.applications.any { it.name == "e2e-app-mycontainer" } : state.applications
  assert mvn("cf:status").contains("Nothing deployed")
} finally {
  support.stopEmulator(basedir)
  // The images this IT built; the shared engine keeps what others made, and the build cache
  // other ITs may be using right now (--no-prune: see ItSupport.removeImages).
  ["e2e-app-mycontainer"].each { name ->
    def ids = ["docker", "images", "-q", "--filter", "reference=*${name}*", "--filter", "reference=*/*/${name}*"].execute().text.trim()
    ids.readLines().unique().each { ["docker", "rmi", "-f", "--no-prune", it].execute().waitFor() }
  }
}
return true
