def support = new GroovyShell(this.class.classLoader).parse(new File(itLib, "ItSupport.groovy"))
support.copyWorker(basedir, new File(itLib))
support.copyHttpdDockerfile(basedir, new File(itLib))
def emulator = support.startEmulator(basedir, true)
// This IT's redeploys face sizes-only application answers (no instance_type), as archetype-e2e's
// do; the other deploy ITs face the usual form with both.
support.answerSizesOnly(emulator)
return true
