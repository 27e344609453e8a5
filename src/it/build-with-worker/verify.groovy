def support = new GroovyShell(this.class.classLoader).parse(new File(itLib, "ItSupport.groovy"))

def report = support.json(basedir, "target/cf-containers/build.json")
assert report.workerBundle.mainModule == "worker.js"
assert report.workerBundle.sha256 ==~ /[0-9a-f]{64}/
assert report.workerBundle.exports.contains("MyContainer")
assert report.workerBundle.exports.contains("default")
def bundle = new File(basedir, "target/cf-containers/worker/worker.js").text
assert bundle.contains("var MyContainer = class extends Container")
assert !bundle.contains('from "@cloudflare/containers"') : "the bare import is bundled in"
assert new File(basedir, "worker/node_modules/esbuild").isDirectory() : "npm ci ran because node_modules was missing"

def log = new File(basedir, "build.log").text
assert log.contains("The Worker src/worker.ts does not export the class NotExported")
assert log.contains("Setting: <containers><container><className> of container NotExported")
assert !new File(basedir, "target/unexported/build.json").exists()
support.removeImages([report.containers[0].image])
return true
