def support = new GroovyShell(this.class.classLoader).parse(new File(itLib, "ItSupport.groovy"))
def emulator = support.emulator(basedir)
try {
  def runs = support.invocations(basedir)
  assert runs.size() == 10 : "ten invocations, got ${runs.size()}"
  def failing = [2, 4, 6]
  runs.eachWithIndex { run, i ->
    assert run.contains(failing.contains(i) ? "BUILD FAILURE" : "BUILD SUCCESS") : "invocation ${i + 1}:\n${run}"
  }
  def (deployed, status, drifted, other, refused, dryRun, failed, finished, again, after) = runs
  def account = "/accounts/${emulator.accountId()}"

  assert deployed.contains("Application it-operate-web: create")

  // 2: the digest the application runs, the Worker's version and URL, no drift.
  def app = (status =~ /Application it-operate-web \(([0-9a-f-]+)\): image (\S+)/)
  assert app.find() : status
  def (appId, image) = [app.group(1), app.group(2)]
  assert image ==~ /127\.0\.0\.1:\d+\/${emulator.accountId()}\/it-operate-web@sha256:[0-9a-f]{64}/
  assert status =~ /Worker it-operate: deployed, version [0-9a-f-]+, migration tag \S+, https:\/\/it-operate\.it\.workers\.dev/
  assert status.contains("  Worker drift: none")
  assert status.contains("  drift: none")
  assert status.contains("No drift: what is deployed matches the POM.")
  assert !status.contains("image drift unknown")

  // 3: a POM change is drift; failOnDrift fails the build.
  assert drifted.contains("  drift: max_instances: 3 -> 5")
  assert drifted.contains("cf.status.failOnDrift=true")

  assert other.contains("Application it-other-web: create")

  // 5: refused before any delete.
  assert refused.contains("'Containers: Edit'") && refused.contains("Nothing was deleted.")

  // 6: the plan, printed; nothing deleted.
  assert dryRun.contains("Application it-operate-web (${appId}): delete (serves it-operate's MyContainer)")
  assert dryRun =~ /Worker it-operate: delete, with its Durable Object namespace\(s\) MyContainer \([0-9a-f]{32}\)/
  assert dryRun.contains("Plan only: nothing was deleted.")
  assert !dryRun.contains("it-other-web")

  // 7: the application first; then the Worker delete fails, and the message says how to finish.
  assert failed.contains("Application it-operate-web: deleted")
  assert failed.contains("Deleting Worker it-operate failed")
  assert failed.contains("Run cf:destroy again to finish")
  assert !failed.contains("Worker it-operate: deleted")

  // 8: the rerun finishes the job.
  assert finished.contains("Application it-operate-web: already absent")
  assert finished.contains("Worker it-operate: delete, with its Durable Object namespace(s) MyContainer")
  assert finished.contains("Worker it-operate: deleted")
  assert finished.contains("Destroyed it-operate: 1 resource(s) deleted.")

  // 8: everything already absent.
  assert again.contains("Application it-operate-web: already absent")
  assert again.contains("Worker it-operate: already absent")
  assert again.contains("Nothing to delete: it-operate is not deployed.")
  def destroyJson = support.json(basedir, "target/cf-containers/destroy.json")
  assert destroyJson.applied == true && destroyJson.complete == true
  assert destroyJson.resources*.outcome == ["already_absent", "already_absent"]

  // 9: nothing deployed, exit 0.
  assert after.contains("Nothing deployed: neither Worker it-operate nor any of its applications exists.")
  def statusJson = support.json(basedir, "target/cf-containers/status.json")
  assert statusJson.deployed == false && statusJson.drift == false
  // status.json holds what was printed.
  statusJson.lines.each { assert after.contains("[INFO] ${it}\n") : it }

  // The emulator's state: nothing of it-operate is left; it-other and its application are untouched.
  def state = support.admin(emulator, "/state")
  assert !state.scripts.any { it.name == "it-operate" }
  assert state.scripts.any { it.name == "it-other" }
  assert !state.namespaces.any { it.script == "it-operate" }
  assert !state.applications.any { it.name == "it-operate-web" }
  def survivor = state.applications.find { it.name == "it-other-web" }
  assert survivor : state.applications
  assert state.namespaces.find { it.id == survivor.durable_objects.namespace_id }.script == "it-other"

  // The request log: the application deleted once, then the Worker unforced (four failed attempts, then the
  // rerun's); nothing else deleted; status, the dry run and the refused destroy wrote nothing.
  def log = support.admin(emulator, "/requests")
  def entries = (log instanceof Map ? log.requests : log)
  def base = new URL(emulator.apiBaseUrl().toString()).path
  def deletes = entries.findIndexValues { it.method == "DELETE" }.collect { entries[it as int] }
  assert deletes.collect { "${it.path.substring(base.length())}?${it.query ?: ""}".toString() } ==
      ["${account}/containers/applications/${appId}?".toString()] + ["${account}/workers/scripts/it-operate?force=false".toString()] * 5 : deletes
  assert deletes*.status == [200, 503, 503, 503, 503, 200] : deletes
  def writes = support.requestLines(emulator).findAll { !it.startsWith("GET ") && !it.contains("/credentials") }
  // Two deploys (upload, create, subdomain each) and the six deletes.
  assert writes.size() == 12 : writes
} finally {
  support.stopEmulator(basedir)
}
return true
