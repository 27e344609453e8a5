def support = new GroovyShell(this.class.classLoader).parse(new File(itLib, "ItSupport.groovy"))
support.copyWorker(basedir, new File(itLib))
support.copyHttpdDockerfile(basedir, new File(itLib))
def env = System.getenv()
// As ItSupport.startEmulator, but the account's registry is the emulator's front (RegistryFront): it serves the
// Cloudflare-only calls cf:destroy makes (_catalog?tags=true, DELETE by tag, /v2/gc/layers). An account of its own,
// so the catalog holds only this IT's repositories.
def account = UUID.randomUUID().toString().replace("-", "")
def emulator = io.github.cfcontainers.emulator.CloudflareEmulator.builder()
    .apiToken(support.itToken())
    .accountId(account)
    .registry(env.CF_TEST_REGISTRY)
    .registryAdmin(env.CF_TEST_REGISTRY_USER, env.CF_TEST_REGISTRY_PASSWORD)
    .registryHtpasswd(java.nio.file.Path.of(env.CF_TEST_REGISTRY_HTPASSWD))
    .registryCa(java.nio.file.Path.of(env.CF_TEST_REGISTRY_CA))
    .registryFront(true)
    .workersDevSubdomain("it")
    .runContainers(false)
    .start()
System.getProperties().put("cf-it-emulator:" + basedir.canonicalPath, emulator)
new File(basedir, ".mvn").mkdirs()
new File(basedir, ".mvn/maven.config").text = "-Dcf.apiBaseUrl=${emulator.apiBaseUrl()}\n-Dcf.accountId=${account}\n" +
    "-Dcf.registry=${emulator.registryHost()}\n-Dit.runId=${UUID.randomUUID()}\n"

// Another project's image in the same account, pushed as a deploy pushes it (credentials minted by the emulator,
// kept in memory): cf:destroy must leave it alone.
def mint = new URL("${emulator.apiBaseUrl()}/accounts/${account}/containers/registries/${emulator.registryHost()}/credentials").openConnection()
mint.requestMethod = "POST"
mint.doOutput = true
mint.setRequestProperty("Authorization", "Bearer ${support.itToken()}")
mint.setRequestProperty("Content-Type", "application/json")
mint.outputStream.withWriter { it << '{"expiration_minutes":5,"permissions":["pull","push"]}' }
assert mint.responseCode == 200
def cred = new groovy.json.JsonSlurper().parse(mint.inputStream).result
def config = com.github.dockerjava.core.DefaultDockerClientConfig.createDefaultConfigBuilder().build()
def docker = com.github.dockerjava.core.DockerClientImpl.getInstance(config,
    new com.github.dockerjava.httpclient5.ApacheDockerHttpClient.Builder().dockerHost(config.dockerHost).build())
def repository = "${emulator.registryHost()}/${account}/it-img-other-web"
docker.tagImageCmd(env.CF_TEST_BUSYBOX_IMAGE, repository, "1").exec()
def auth = new com.github.dockerjava.api.model.AuthConfig().withUsername(cred.username).withPassword(cred.password)
    .withRegistryAddress(emulator.registryHost())
def failure = null
docker.pushImageCmd(repository).withTag("1").withAuthConfig(auth).exec(new com.github.dockerjava.api.async.ResultCallback.Adapter() {
  void onNext(Object item) { if (item.isErrorIndicated()) failure = item.errorDetail.message }
}).awaitCompletion(2, java.util.concurrent.TimeUnit.MINUTES)
docker.removeImageCmd("${repository}:1").withNoPrune(true).exec() // keep the shared build cache
docker.close()
assert failure == null : failure
return true
