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
// Run 2 found nothing changed: no esbuild, no docker build, the recorded image reused; run 3
// (noCache) built the image again but kept the bundle; run 4 (another output directory) bundled.
def count = { String part -> log.count(part) }
assert count("Bundling the Worker src/worker.ts with esbuild") == 2 : log
assert count("Worker bundle unchanged since the last build: ") == 2 : log
assert count("Building MyContainer (with-worker-mycontainer) from") == 2 : log
assert count("MyContainer (with-worker-mycontainer) unchanged since the last build: ") == 1 : log
assert count("Using Docker ") == 2 : "run 2 never asked the engine for its version"
assert report.containers[0].contentKey == null : "noCache builds are never reused"
assert report.workerBundle.contentKey ==~ /[0-9a-f]{64}/

// Run 1's image too (run 3 built a new one): every image labelled with this IT's Worker.
def ids = support.docker(["images", "-q", "--no-trunc", "--filter",
    "label=io.github.cfcontainers.worker=with-worker"]).readLines().unique()
support.removeImages([report.containers[0].image] + ids.findAll { it != report.containers[0].imageId })
return true
