def support = new GroovyShell(this.class.classLoader).parse(new File(itLib, "ItSupport.groovy"))
def emulator = support.emulator(basedir)
try {
  def runs = support.invocations(basedir)
  assert runs.size() == 15 : "fifteen invocations, got ${runs.size()}"
  def failing = [3, 8, 9, 11]
  runs.eachWithIndex { run, i ->
    assert run.contains(failing.contains(i) ? "BUILD FAILURE" : "BUILD SUCCESS") : "invocation ${i + 1}:\n${run}"
  }
  def (deployed, changed, status, drifted, rollbackPlan, rolledBack, statusBack, other, nothingBack) = runs
  def (refused, dryRun, failed, finished, again, after) = runs.drop(9)
  def account = "/accounts/${emulator.accountId()}"

  assert deployed.contains("Application it-operate-web: create")
  def first = (deployed =~ /(127\.0\.0\.1:\d+\/${emulator.accountId()}\/it-operate-web@sha256:[0-9a-f]{64})/)
  assert first.find() : deployed
  def firstImage = first.group(1)
  assert changed.contains("Application it-operate-web: rollout ")

  // 3: the digest the application runs now (the second one), the Worker's version and URL, no drift.
  def app = (status =~ /Application it-operate-web \(([0-9a-f-]+)\): image (\S+)/)
  assert app.find() : status
  def (appId, image) = [app.group(1), app.group(2)]
  assert image ==~ /127\.0\.0\.1:\d+\/${emulator.accountId()}\/it-operate-web@sha256:[0-9a-f]{64}/
  assert image != firstImage
  assert status =~ /Worker it-operate: deployed, version [0-9a-f-]+, migration tag \S+, https:\/\/it-operate\.it\.workers\.dev/
  assert status.contains("  Worker drift: none")
  assert status.contains("  drift: none")
  assert status.contains("No drift: what is deployed matches the POM.")
  assert !status.contains("image drift unknown")

  // 4: a POM change is drift; failOnDrift fails the build.
  assert drifted.contains("  drift: max_instances: 3 -> 5")
  assert drifted.contains("cf.status.failOnDrift=true")

  // 5: the plan, from the second digest to the first; 6: done, and followed until the instances run it.
  def line = "  image: ${image} -> ${firstImage}"
  assert rollbackPlan.contains("Application it-operate-web (${appId}): roll back from version ") : rollbackPlan
  assert rollbackPlan.contains(line) && rollbackPlan.contains("Plan only (cf.dryRun): nothing was changed.")
  assert rolledBack.contains(line)
  assert rolledBack =~ /Application it-operate-web: rollback rollout \S+ started/
  assert rolledBack.contains("Application it-operate-web: rollout completed")
  assert rolledBack.contains("Application it-operate-web: done, ")
  assert rolledBack.contains("Rolled back 1 application(s); their instances run the earlier configuration.")
  def rollbackJson = support.json(basedir, "target/cf-containers/rollback.json")
  assert rollbackJson.applied == true && rollbackJson.complete == true
  assert rollbackJson.applications*.outcome == ["rolled_back"]
  assert rollbackJson.applications[0].plan.toImage == firstImage
  assert rollbackJson.applications[0].rolloutStatus == "completed"
  assert rolledBack.contains("Application it-operate-web: done, 1 of 1 running instance(s) report ${firstImage}")
  // 7: the emulator's API, read by cf:status: the application runs the first digest again, which is drift now.
  assert statusBack.contains("Application it-operate-web (${appId}): image ${firstImage}") : statusBack
  assert statusBack.contains("  drift: image: ${firstImage} -> ") && statusBack.contains("instances-v2: 1 running")
  // The emulator's request log: the rollback patched the first digest in, and rolled it out.
  def appWrites = support.requests(emulator)
      .findAll { it.path.endsWith("/containers/applications/${appId}") || it.path.endsWith("/containers/applications/${appId}/rollouts") }
      .findAll { it.method != "GET" }
  assert appWrites*.method == ["PATCH", "POST", "PATCH", "POST", "DELETE"] : appWrites
  // (bodies are logged cut at 300 characters: the rollout's target is past that, cf:status above shows it took)
  assert appWrites[2].body.contains("\"image\":\"${firstImage}\"") : appWrites
  assert appWrites[3].body.contains("cf-containers rollback: ${image} -> ") : appWrites

  // 9: deployed once, no rollout: nothing to roll back to, said so, nothing changed.
  assert nothingBack.contains("Nothing was changed: Application it-other-web (") : nothingBack
  assert nothingBack.contains("no rollout in its history")

  assert other.contains("Application it-other-web: create")

  // 10: refused before any delete.
  assert refused.contains("'Containers: Edit'") && refused.contains("Nothing was deleted.")

  // 11: the plan, printed; nothing deleted.
  assert dryRun.contains("Application it-operate-web (${appId}): delete (serves it-operate's MyContainer)")
  assert dryRun =~ /Worker it-operate: delete, with its Durable Object namespace\(s\) MyContainer \([0-9a-f]{32}\)/
  assert dryRun.contains("Plan only: nothing was deleted.")
  assert !dryRun.contains("it-other-web")

  // 12: the application first; then the Worker delete fails, and the message says how to finish.
  assert failed.contains("Application it-operate-web: deleted")
  assert failed.contains("Deleting Worker it-operate failed")
  assert failed.contains("Run cf:destroy again to finish")
  assert !failed.contains("Worker it-operate: deleted")

  // 13: the rerun finishes the job.
  assert finished.contains("Application it-operate-web: already absent")
  assert finished.contains("Worker it-operate: delete, with its Durable Object namespace(s) MyContainer")
  assert finished.contains("Worker it-operate: deleted")
  assert finished.contains("Destroyed it-operate: 1 resource(s) deleted.")

  // 14: everything already absent.
  assert again.contains("Application it-operate-web: already absent")
  assert again.contains("Worker it-operate: already absent")
  assert again.contains("Nothing to delete: it-operate is not deployed.")
  def destroyJson = support.json(basedir, "target/cf-containers/destroy.json")
  assert destroyJson.applied == true && destroyJson.complete == true
  assert destroyJson.resources*.outcome == ["already_absent", "already_absent"]

  // 15: nothing deployed, exit 0.
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
  def entries = support.requests(emulator)
  def base = new URL(emulator.apiBaseUrl().toString()).path
  def deletes = entries.findIndexValues { it.method == "DELETE" }.collect { entries[it as int] }
  assert deletes.collect { "${it.path.substring(base.length())}?${it.query ?: ""}".toString() } ==
      ["${account}/containers/applications/${appId}?".toString()] + ["${account}/workers/scripts/it-operate?force=false".toString()] * 5 : deletes
  assert deletes*.status == [200, 503, 503, 503, 503, 200] : deletes
  def writes = support.requestLines(emulator).findAll { !it.startsWith("GET ") && !it.contains("/credentials") }
  def app1 = "${account}/containers/applications/${appId}".toString()
  // The second deploy and the rollback: one PATCH and one rollout each, on it-operate-web only.
  assert writes.findAll { it.startsWith("PATCH ") } == ["PATCH ${app1}".toString()] * 2 : writes
  assert writes.findAll { it.contains("/rollouts") } == ["POST ${app1}/rollouts".toString()] * 2 : writes
  // Two first deploys (upload, create, subdomain each), those four, and the six deletes; the dry runs, the
  // refused destroy, status and the refused rollback wrote nothing.
  assert writes.size() == 16 : writes
} finally {
  support.stopEmulator(basedir)
}
return true
