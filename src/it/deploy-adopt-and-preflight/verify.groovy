def support = new GroovyShell(this.class.classLoader).parse(new File(itLib, "ItSupport.groovy"))
def emulator = support.emulator(basedir)
try {
  def runs = support.invocations(basedir)
  assert runs.size() == 5 : "five invocations, got ${runs.size()}"
  def (noPermission, badType, createA, conflict, adopt) = runs
  def account = "/accounts/${emulator.accountId()}"

  assert noPermission.contains("BUILD FAILURE")
  assert noPermission.contains("The API token cannot use the Containers API (HTTP 403)")
  assert noPermission.contains("'Containers: Edit'")
  assert !noPermission.contains("it-token-without-containers") : "the token is never printed"

  assert badType.contains("BUILD FAILURE")
  assert badType.contains("Unknown instance type 'huge'")
  assert badType.contains("Setting: <containers><container><instanceType> of container MyContainer (shared-app)")

  assert createA.contains("BUILD SUCCESS")
  assert createA.contains("Application shared-app: create")

  assert conflict.contains("BUILD FAILURE")
  assert conflict.contains("A container application named shared-app")
  assert conflict.contains("Set <adopt>true</adopt>")
  assert !conflict.contains("uploaded version")

  assert adopt.contains("BUILD SUCCESS")
  assert adopt.contains("Application shared-app: adopt: delete application shared-app")

  // Only invocations 3 and 5 changed anything: one upload and one application each.
  def writes = support.requestLines(emulator).findAll { !it.startsWith("GET ") && !it.contains("/credentials") }
  assert writes.findAll { it.startsWith("PUT ") }*.replaceAll(/.*\//, "") == ["worker-a", "worker-b"] : writes
  assert writes.count { it == "POST ${account}/containers/applications" } == 2 : writes
  assert writes.count { it.startsWith("DELETE ${account}/containers/applications/") } == 1 : writes

  // shared-app now serves Worker B's namespace.
  def state = support.admin(emulator, "/state")
  def apps = state.applications instanceof Map ? state.applications.values() : state.applications
  def namespaces = state.namespaces instanceof Map ? state.namespaces.values() : state.namespaces
  def app = apps.find { it.name == "shared-app" }
  def ns = namespaces.find { it.id == app.durable_objects.namespace_id }
  assert ns.script == "worker-b" : "shared-app serves ${ns}"
} finally {
  support.stopEmulator(basedir)
}
return true
