def support = new GroovyShell(this.class.classLoader).parse(new File(itLib, "ItSupport.groovy"))
def env = System.getenv()
["CF_TEST_JDK25_IMAGE", "CF_TEST_RUNTIME_IMAGE"].each {
  assert env[it] : "${it} is not set: run the ITs with 'bash scripts/test.sh' (it builds the local base images)"
}
// Nothing can be pulled here: the Dockerfile's public base images are swapped for local ones.
def emulator = support.startEmulator(basedir, true,
    ["-Dcf.baseImage=${env.CF_TEST_JDK25_IMAGE}", "-Dcf.runtimeImage=${env.CF_TEST_RUNTIME_IMAGE}"])
// The unchanged redeploy must make no application write against answers that carry only sizes.
support.answerSizesOnly(emulator)
return true
