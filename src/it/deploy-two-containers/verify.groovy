def support = new GroovyShell(this.class.classLoader).parse(new File(itLib, "ItSupport.groovy"))
def emulator = support.emulator(basedir)
try {
  def runs = support.invocations(basedir)
  assert runs.size() == 4 : "four invocations, got ${runs.size()}"
  runs.eachWithIndex { run, i -> assert run.contains("BUILD SUCCESS") : "invocation ${i + 1} failed:\n${run}" }
  def (create, scale, dev, devRemote) = runs
  assert create.contains("Worker it-two: create (classes MyContainer, SecondContainer)")
  assert create.contains("Application it-two-mycontainer: create")
  assert create.contains("Application it-two-secondcontainer: create")
  assert !create.contains("it-token") : "the token is never printed"

  assert scale.contains("Worker it-two: no change")
  ["it-two-mycontainer", "it-two-secondcontainer"].each { name ->
    assert scale.contains("Application ${name}: update (max_instances: 2 -> 4) + rollout")
    assert scale =~ /Application ${name}: rollout completed/
  }

  assert dev =~ /Built cloudflare-dev\/it-two-mycontainer:[0-9a-f]{12}/
  assert dev.contains("Skipping cf:deploy: dev mode keeps the images local")
  assert !dev.contains("Worker it-two:")
  assert devRemote.contains("Worker it-two: no change")
  assert devRemote.contains("Application it-two-mycontainer: no change")
  assert devRemote.contains("already deployed as ") : "deployment.json records these images: the registry is not read"

  def state = support.admin(emulator, "/state")
  def scripts = state.scripts instanceof Map ? state.scripts.values() : state.scripts
  def script = scripts.find { it.name == "it-two" || it.id == "it-two" }
  def doBindings = script.bindings.findAll { it.type == "durable_object_namespace" }
  assert doBindings.collect { "${it.name}=${it.class_name}".toString() }.sort() == ["BACKEND=SecondContainer", "MY_CONTAINER=MyContainer"]
  assert script.bindings.find { it.type == "plain_text" && it.name == "GREETING" }
  def apps = state.applications instanceof Map ? state.applications.values() : state.applications
  def second = apps.find { it.name == "it-two-secondcontainer" }
  assert second.max_instances == 4
  assert second.configuration.instance_type in ["basic"]
  def rolloutBodies = support.requests(emulator).findAll { it.method == "POST" && it.path.endsWith("/rollouts") }
  assert rolloutBodies.size() == 2
} finally {
  support.stopEmulator(basedir)
}
return true
