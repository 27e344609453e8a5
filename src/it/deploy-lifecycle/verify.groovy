def support = new GroovyShell(this.class.classLoader).parse(new File(itLib, "ItSupport.groovy"))
def emulator = support.emulator(basedir)
try {
  def runs = support.invocations(basedir)
  assert runs.size() == 6 : "six invocations, got ${runs.size()}"
  runs.eachWithIndex { run, i -> assert run.contains("BUILD SUCCESS") : "invocation ${i + 1} failed:\n${run}" }
  def (first, unchanged, scaled, recoded, plan, renamed) = runs

  assert first.contains("Worker it-deploy: create (classes MyContainer)")
  assert first.contains("Application it-deploy-mycontainer: create")
  assert first =~ /pushing 127\.0\.0\.1:\d+\/${emulator.accountId()}\/it-deploy-mycontainer:/
  assert first.contains("workers.dev: enabled for it-deploy")
  assert first.trim().readLines().findAll { it.startsWith("[INFO] https://") } == ["[INFO] https://it-deploy.it.workers.dev"]

  assert unchanged.contains("already deployed as ") : "deployment.json records the image: the registry is not read"
  assert unchanged.contains("the registry is not read")
  assert unchanged.contains("Worker it-deploy: no change")
  assert unchanged.contains("Application it-deploy-mycontainer: no change")
  assert !unchanged.contains("pushing ")
  assert !unchanged.contains("rollout ")

  assert scaled.contains("Application it-deploy-mycontainer: update (max_instances: 3 -> 5) + rollout")
  assert scaled.contains("Worker it-deploy: no change")
  assert !scaled.contains("pushing ")

  assert recoded.contains("pushing ")
  assert recoded.contains("Worker it-deploy: no change")
  assert recoded =~ /update \(image: \S+@sha256:[0-9a-f]{64} -> \S+:[0-9a-f]{12}\) \+ rollout/
  assert !recoded.contains("uploaded version")

  assert plan.contains("Application it-deploy-mycontainer: update (max_instances: 5 -> 7) + rollout")
  assert plan.contains("Plan only: nothing was changed.")

  assert renamed.contains("Worker it-deploy: update, renamed classes MyContainer -> SecondContainer")
  // Same application, same namespace; only the image changes (its labels name the class).
  assert renamed =~ /Application it-deploy-mycontainer: update \(image: [^;]*\) \+ rollout/
  assert !renamed.contains("Application it-deploy-mycontainer: create")

  // The emulator saw exactly these writes over all six runs.
  def writes = support.requestLines(emulator).findAll { !it.startsWith("GET ") && !it.contains("/credentials") }
  def count = { String prefix -> writes.count { it.startsWith(prefix) } }
  def account = "/accounts/${emulator.accountId()}"
  assert count("PUT ${account}/workers/scripts/it-deploy") == 2 : writes
  assert count("POST ${account}/containers/applications") - count("POST ${account}/containers/applications/") == 1 : writes
  assert writes.count { it ==~ /PATCH .*\/containers\/applications\/[^\/]+/ } == 3 : writes
  assert writes.count { it ==~ /POST .*\/rollouts/ } == 3 : writes
  assert count("POST ${account}/workers/scripts/it-deploy/subdomain") == 1 : writes

  // State after the last deploy: plan changed nothing, the app runs the v2 image and answers with it.
  def state = support.admin(emulator, "/state")
  def apps = state.applications instanceof Map ? state.applications.values() : state.applications
  def app = apps.find { it.name == "it-deploy-mycontainer" }
  assert app.max_instances == 5
  assert app.rollout_active_grace_period == 30
  assert !app.configuration.containsKey("instance_type") && app.configuration.vcpu == 0.0625 : "sizes-only answers (setup.groovy)"
  def namespaces = state.namespaces instanceof Map ? state.namespaces.values() : state.namespaces
  assert namespaces.find { it.id == app.durable_objects.namespace_id }.class == "SecondContainer" : "renamed in place"
  assert !namespaces.any { it.script == "it-deploy" && it.class == "MyContainer" }
  // The secret went up as a secret_text binding, and its value is in no log and no file of the build.
  def script = (state.scripts instanceof Map ? state.scripts.values() : state.scripts).find { it.name == "it-deploy" }
  assert script.bindings.any { it.type == "secret_text" && it.name == "API_KEY" } : script.bindings
  def secretValue = "it-secret-value-" + "5f1c0d" // (split: this script lies in basedir too)
  runs.eachWithIndex { run, i -> assert !run.contains(secretValue) : "invocation ${i + 1} printed the secret" }
  basedir.eachFileRecurse(groovy.io.FileType.FILES) { f ->
    if (f.length() < 50_000_000 && !f.path.contains("/node_modules/")) {
      assert !f.getText("ISO-8859-1").contains(secretValue) : "${f} holds the secret's value"
    }
  }
  def deployment = support.json(basedir, "target/cf-containers/deployment.json")
  assert deployment.applied == true
  assert deployment.worker.action == "uploaded"
  assert deployment.containers[0].action == "update"
  assert support.fetchWorker(emulator, "it-deploy").trim() == "message v2"
} finally {
  support.stopEmulator(basedir)
}
return true
