import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.security.KeyStore
import java.security.cert.CertificateFactory
import javax.net.ssl.SSLContext
import javax.net.ssl.TrustManagerFactory

def support = new GroovyShell(this.class.classLoader).parse(new File(itLib, "ItSupport.groovy"))
def emulator = support.emulator(basedir)
def env = System.getenv()
def account = emulator.accountId()
def front = emulator.registryHost()

// HEAD on the real registry behind the front, with its admin credentials: what it still serves.
def ks = KeyStore.getInstance(KeyStore.getDefaultType())
ks.load(null, null)
new File(env.CF_TEST_REGISTRY_CA).withInputStream { ks.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(it)) }
def tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm())
tmf.init(ks)
def ssl = SSLContext.getInstance("TLS")
ssl.init(null, tmf.trustManagers, null)
def http = HttpClient.newBuilder().sslContext(ssl).build()
def adminAuth = "Basic " + "${env.CF_TEST_REGISTRY_USER}:${env.CF_TEST_REGISTRY_PASSWORD}".bytes.encodeBase64()
def head = { String repo, String reference, String method = "HEAD" ->
  def request = HttpRequest.newBuilder(URI.create("https://${env.CF_TEST_REGISTRY}/v2/${account}/${repo}/manifests/${reference}"))
      .method(method, HttpRequest.BodyPublishers.noBody())
      .header("Accept", "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json")
      .header("Authorization", adminAuth).build()
  http.send(request, HttpResponse.BodyHandlers.discarding())
}

def mine = support.json(basedir, "target/cf-containers/deployment.json")
def myDigest = (mine.containers[0].image =~ /@(sha256:[0-9a-f]{64})$/)[0][1]
def otherHead = head("it-img-other-web", "1")
def otherDigest = otherHead.headers().firstValue("Docker-Content-Digest").orElse(null)
try {
  def runs = support.invocations(basedir)
  assert runs.size() == 3 : "three invocations, got ${runs.size()}"
  runs.eachWithIndex { run, i -> assert run.contains("BUILD SUCCESS") : "invocation ${i + 1}:\n${run}" }
  def (deployed, destroyed, again) = runs
  assert mine.containers[0].image.startsWith("${front}/${account}/it-img-web@")

  // 2: without the Dockerfile: the plan first (the tag the deploy pushed), then the application, the Worker, the image.
  def planLine = (destroyed =~ /Image ${java.util.regex.Pattern.quote(front)}\/${account}\/it-img-web: delete tag\(s\) (\S+)/)
  assert planLine.find() : destroyed
  assert destroyed.contains("Registry ${front}: then free unreferenced layers (PUT /v2/gc/layers)")
  assert destroyed.contains("Application it-img-web: deleted")
  assert destroyed.contains("Worker it-img: deleted")
  assert destroyed =~ /Image ${account}\/it-img-web:${java.util.regex.Pattern.quote(planLine.group(1))}: deleted \(${myDigest}\)/
  assert destroyed.indexOf("it-img-web: delete tag(s)") < destroyed.indexOf("Application it-img-web: deleted")
  assert !destroyed.contains("it-img-other-web")

  // 3: already gone counts as done.
  assert again.contains("Image ${front}/${account}/it-img-web: already absent")
  assert again.contains("Nothing to delete: it-img is not deployed.")
  def report = support.json(basedir, "target/cf-containers/destroy.json")
  assert report.complete == true && report.resources.find { it.kind == "image" }.outcome == "already_absent"

  // The registry no longer serves this project's manifest; the other project's image survives.
  assert head("it-img-web", myDigest).statusCode() == 404
  assert otherHead.statusCode() == 200 && head("it-img-other-web", otherDigest).statusCode() == 200
  def state = support.admin(emulator, "/state")
  assert state.registry_gc.size() == 2 : "one GC per applying destroy: ${state.registry_gc}"
  assert state.applications.isEmpty()
  def credentials = support.requestLines(emulator).findAll { it.contains("/credentials") }
  assert credentials.size() == 6 : credentials // setup, the deploy, two per destroy with images (plan, deletes)
} finally {
  // Leave the shared registry and engine as they were.
  if (otherDigest) {
    head("it-img-other-web", otherDigest, "DELETE")
  }
  support.stopEmulator(basedir)
  support.json(basedir, "target/cf-containers/build.json").containers.each { ["docker", "rmi", "-f", "--no-prune", it.image].execute().waitFor() }
  ["docker", "images", "--format", "{{.Repository}}:{{.Tag}}", "--filter", "reference=${front}/${account}/*"].execute().text.readLines()
      .each { ["docker", "rmi", "-f", "--no-prune", it].execute().waitFor() }
}
return true
