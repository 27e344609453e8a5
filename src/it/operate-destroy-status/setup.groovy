def support = new GroovyShell(this.class.classLoader).parse(new File(itLib, "ItSupport.groovy"))
support.copyWorker(basedir, new File(itLib))
support.copyHttpdDockerfile(basedir, new File(itLib))
def emulator = support.startEmulator(basedir, true)
// The first destroy fails midway: its Worker delete answers 503 for all four attempts (after the application is
// deleted). Nothing else in this IT deletes that Worker, so the fault waits for invocation 12.
def fault = new URL("${emulator.adminUrl()}/faults").openConnection()
fault.requestMethod = "POST"
fault.doOutput = true
fault.setRequestProperty("Content-Type", "application/json")
fault.outputStream.withWriter { it << '{"method":"DELETE","path":"/workers/scripts/it-operate$","times":4,"status":503}' }
assert fault.responseCode == 200
return true
