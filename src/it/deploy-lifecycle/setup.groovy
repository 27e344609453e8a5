def support = new GroovyShell(this.class.classLoader).parse(new File(itLib, "ItSupport.groovy"))
support.copyWorker(basedir, new File(itLib))
def emulator = support.startEmulator(basedir, true)
// The schema promises no configuration field: this IT's redeploys face application answers with the
// resolved sizes only (no instance_type); the other deploy ITs face the usual form with both.
def shapes = new URL("${emulator.adminUrl()}/answer-shapes").openConnection()
shapes.requestMethod = "POST"
shapes.doOutput = true
shapes.outputStream.withWriter { it << '{"application_instance_type":false}' }
assert shapes.responseCode == 200
return true
