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

/**
 * Removes the images an IT built, so the shared engine keeps only what others made. --no-prune:
 * the untagged parents are the legacy builder's cache, shared by ITs building alike at the same
 * time; pruning them made another IT's build fail with 'unable to find image "sha256:…"' right
 * after its "Using cache".
 */
void removeImages(List<String> references) {
  references.each { docker(["rmi", "--no-prune", it]) }
}

// ---- The Cloudflare emulator, one per IT: started by setup.groovy, stopped by verify.groovy ----

/** The token the IT builds use (invoker.environmentVariables.CLOUDFLARE_API_TOKEN). */
String itToken() { "it-token" }

/**
 * Starts an emulator backed by the test ground's registry (and engine, with runContainers) and
 * points the IT build at it through .mvn/maven.config; the token comes from the environment.
 */
def startEmulator(File basedir, boolean runContainers, List<String> extraMavenConfig = []) {
  def env = System.getenv()
  ["CF_TEST_REGISTRY", "CF_TEST_REGISTRY_USER", "CF_TEST_REGISTRY_PASSWORD", "CF_TEST_REGISTRY_HTPASSWD"].each {
    assert env[it] : "${it} is not set: run the ITs with 'bash scripts/test.sh' (it starts the test ground)"
  }
  def emulator = io.github.cfcontainers.emulator.CloudflareEmulator.builder()
      .apiToken(itToken())
      .tokenWithoutContainers("it-token-without-containers")
      .registry(env.CF_TEST_REGISTRY)
      .registryAdmin(env.CF_TEST_REGISTRY_USER, env.CF_TEST_REGISTRY_PASSWORD)
      .registryHtpasswd(java.nio.file.Path.of(env.CF_TEST_REGISTRY_HTPASSWD))
      .workersDevSubdomain("it")
      .runContainers(runContainers)
      // The workers.dev stand-in runs the uploaded Worker in Miniflare (installed by the test ground);
      // without it the emulator forwards straight to the container and announces that fallback.
      .workerRuntime(env.CF_EMULATOR_WORKER_RUNTIME ? java.nio.file.Path.of(env.CF_EMULATOR_WORKER_RUNTIME) : null)
      .start()
  System.getProperties().put("cf-it-emulator:" + basedir.canonicalPath, emulator)
  def mvnDir = new File(basedir, ".mvn")
  mvnDir.mkdirs()
  // it.runId makes images unique per run: the registry outlives runs, and a test of a push must push.
  def options = ["-Dcf.apiBaseUrl=${emulator.apiBaseUrl()}", "-Dcf.accountId=${emulator.accountId()}",
      "-Dcf.registry=${env.CF_TEST_REGISTRY}", "-Dit.runId=${UUID.randomUUID()}"] + extraMavenConfig
  new File(mvnDir, "maven.config").text = options.collect { it + "\n" }.join("")
  // The same as user properties, for a build of a project with a .mvn of its own (Maven reads only
  // the nearest .mvn): invoker.userPropertiesFile = it-user.properties passes them on its command line.
  def user = new Properties()
  options.each { def kv = it.substring(2).split("=", 2); user.setProperty(kv[0], kv[1]) }
  new File(basedir, "it-user.properties").withWriter("UTF-8") { user.store(it, "written by ItSupport.startEmulator") }
  return emulator
}

/**
 * What startEmulator wrote to basedir's .mvn/maven.config, as command-line options: for a Maven
 * run the IT starts itself in a project that has a .mvn of its own.
 */
List<String> mavenConfig(File basedir) {
  return new File(basedir, ".mvn/maven.config").readLines().findAll { !it.isBlank() }
}

/**
 * From now on the emulator's application answers carry a named type's resolved sizes without
 * instance_type: the schema promises neither, so a redeploy must see "no change" under both forms.
 */
void answerSizesOnly(emulator) {
  def shapes = new URL("${emulator.adminUrl()}/answer-shapes").openConnection()
  shapes.requestMethod = "POST"
  shapes.doOutput = true
  shapes.outputStream.withWriter { it << '{"application_instance_type":false}' }
  assert shapes.responseCode == 200
}

def emulator(File basedir) {
  def emulator = System.getProperties().get("cf-it-emulator:" + basedir.canonicalPath)
  assert emulator : "no emulator was started for ${basedir} (setup.groovy)"
  return emulator
}

void stopEmulator(File basedir) {
  def emulator = System.getProperties().remove("cf-it-emulator:" + basedir.canonicalPath)
  emulator?.close()
}

/** GET on the emulator's admin side, parsed. */
def admin(emulator, String path) {
  new JsonSlurper().parse(new URL("${emulator.adminUrl()}${path}"))
}

/** The emulator's request log: one map per request (method, path, query, status, body cut short). */
List requests(emulator) {
  def log = admin(emulator, "/requests")
  return log instanceof Map ? log.requests : log
}

/** The emulator's request log as "METHOD /path" strings, API base stripped. */
List<String> requestLines(emulator) {
  def entries = requests(emulator)
  def base = new URL(emulator.apiBaseUrl().toString()).path
  entries.collect { "${it.method} ${it.path.startsWith(base) ? it.path.substring(base.length()) : it.path}".toString() }
}

/** build.log cut into one part per invocation (invoker.goals.N append to the same log; errors follow BUILD FAILURE). */
List<String> invocations(File basedir) {
  def parts = []
  def current = null
  new File(basedir, "build.log").eachLine { line ->
    if (line.contains("Scanning for projects...")) {
      if (current != null) {
        parts << current.toString()
      }
      current = new StringBuilder()
    }
    current?.append(line)?.append('\n')
  }
  if (current != null) {
    parts << current.toString()
  }
  return parts
}

/** An HTTP GET through the emulator's workers.dev stand-in, retried while the container starts. */
String fetchWorker(emulator, String script, String path = "") {
  return awaitWorker(emulator, script, path) { true }
}

/** Like fetchWorker, but retried until the answer satisfies the condition (a rollout swaps containers). */
String awaitWorker(emulator, String script, String path = "", Closure<Boolean> condition) {
  def url = new URL("${emulator.workersDevUrl(script)}${path}")
  def last = null
  for (int i = 0; i < 60; i++) {
    try {
      def connection = url.openConnection()
      connection.connectTimeout = 2000
      connection.readTimeout = 30000
      if (connection.responseCode == 200) {
        def body = connection.inputStream.text
        if (condition(body)) {
          return body
        }
        last = "HTTP 200: ${body}"
      } else {
        last = "HTTP ${connection.responseCode}"
      }
    } catch (IOException e) {
      last = e.toString()
    }
    Thread.sleep(500)
  }
  throw new AssertionError("${url} did not answer as expected: ${last}")
}

/** Copies the shared Worker project (src/it/lib/worker) into an IT, without node_modules. */
void copyWorker(File basedir, File libDir) {
  def source = new File(libDir, "worker")
  def target = new File(basedir, "worker")
  source.eachFileRecurse(groovy.io.FileType.FILES) { file ->
    def relative = source.toPath().relativize(file.toPath()).toString()
    if (relative.startsWith("node_modules")) {
      return
    }
    def copy = new File(target, relative)
    copy.parentFile.mkdirs()
    copy.bytes = file.bytes
  }
}

/**
 * Copies the shared httpd image's Dockerfile (src/it/lib/httpd: serves "message $MESSAGE", keeps $RUN_ID in
 * /run-id) into an IT's directory, where its container's build finds it.
 */
void copyHttpdDockerfile(File basedir, File libDir) {
  new File(basedir, "Dockerfile").bytes = new File(libDir, "httpd/Dockerfile").bytes
}

// ---- mvn cf:dev in the background, as a developer runs it ----

/** A free loopback port, so parallel ITs and a developer's own cf:dev do not collide. */
int freePort() {
  def socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())
  try { return socket.localPort } finally { socket.close() }
}

/**
 * Starts {@code mvn -B -o -llr <goals> -Dcf.dev.port=<port>} in {@code dir} with {@code env} added, its output in
 * {@code log}, and waits until cf:dev says it serves; returns the Maven process.
 */
Process startDev(File dir, int port, List<String> goals, Map<String, String> env, File log, String itLocalRepo) {
  def command = ["mvn", "-B", "-o", "-llr", "-Dmaven.repo.local=${itLocalRepo}".toString(),
                 "-Dcf.dev.port=${port}".toString()] + goals
  def builder = new ProcessBuilder(command).directory(dir).redirectErrorStream(true).redirectOutput(log)
  builder.environment().putAll(env)
  def maven = builder.start()
  long started = System.nanoTime()
  while (!log.text.contains("is ready at http://127.0.0.1:${port}/")) {
    if (!maven.alive || System.nanoTime() - started > 240e9) {
      maven.destroyForcibly()
      assert false : "mvn cf:dev did not serve within 240 s:\n${log.text}"
    }
    Thread.sleep(200)
  }
  println "cf:dev ready ${(System.nanoTime() - started) / 1e9} s after mvn started"
  return maven
}

/** GET from the local Worker on 127.0.0.1:port; fails the IT with the dev log on anything but 200. */
String getDev(int port, String path, File log) {
  def connection = new URL("http://127.0.0.1:${port}${path}").openConnection()
  connection.connectTimeout = 2000
  connection.readTimeout = 60000
  assert connection.responseCode == 200 : "GET ${path}: HTTP ${connection.responseCode}\n${log.text}"
  return connection.inputStream.text
}

/**
 * Stops cf:dev as Ctrl-C does and waits for Maven to end. A shell without job control starts
 * background jobs with SIGINT ignored, and the JVM keeps it ignored: then Ctrl-C could not reach
 * Maven either, so SIGTERM stands in for it.
 */
void stopDev(Process maven, File log) {
  def ignored = new File("/proc/${maven.pid()}/status").readLines().find { it.startsWith("SigIgn:") }
  def signal = ignored && (Long.parseLong(ignored.split()[1], 16) & 2L) ? "TERM" : "INT"
  println "sending SIG${signal} to Maven"
  ["kill", "-${signal}".toString(), maven.pid().toString()].execute().waitFor()
  try {
    assert maven.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) : "Maven did not stop on SIG${signal}:\n${log.text}"
  } finally {
    if (maven.alive) maven.destroyForcibly()
  }
}
