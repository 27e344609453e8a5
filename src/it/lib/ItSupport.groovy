// Helpers shared by the verify scripts: load with
//   def support = new GroovyShell(this.class.classLoader).parse(new File(itLib, "ItSupport.groovy"))
import groovy.json.JsonSlurper

/** Runs the docker CLI against the test ground's engine; fails the IT with stderr when it fails. */
String docker(List<String> args) {
  def proc = (["docker"] + args).execute()
  def out = new StringBuilder(), err = new StringBuilder()
  proc.waitForProcessOutput(out, err)
  assert proc.exitValue() == 0 : "docker ${args.join(' ')} failed: ${err}"
  return out.toString().trim()
}

/** Reads a JSON file below the IT's directory. */
def json(File basedir, String path) {
  def file = new File(basedir, path)
  assert file.isFile() : "missing ${path}"
  return new JsonSlurper().parse(file)
}

/** Removes the images an IT built, so the shared engine keeps only what others made. */
void removeImages(List<String> references) {
  references.each { docker(["rmi", it]) }
}
