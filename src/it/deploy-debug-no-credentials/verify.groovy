def support = new GroovyShell(this.class.classLoader).parse(new File(itLib, "ItSupport.groovy"))
try {
  def log = new File(basedir, "build.log").text
  // The scan comes first, so it judges whatever the build printed even when the deploy failed.
  assert log.contains("[DEBUG] Cmd: ") : "docker-java's debug output is missing: was -X on?"
  def transport = log.readLines().findAll { it =~ /http-outgoing-\d+ (>>|<<) / }
  assert transport.isEmpty() : "httpclient5 logged ${transport.size()} header or wire lines under -X"
  assert !log.toLowerCase().contains("x-registry-auth: ") : "an X-Registry-Auth header value is in build.log"
  // The minted credentials are unknown here, but their carrier is not: base64 of a JSON auth blob
  // (standard or URL-safe). Decode every token that could be one.
  def leaks = []
  (log =~ /[A-Za-z0-9+\/_-]{16,}={0,2}/).each { String token ->
    def bare = token.replace("=", "").replace('+', '-').replace('/', '_')
    try {
      def text = new String(Base64.getUrlDecoder().decode(bare + "===".substring(0, (4 - bare.length() % 4) % 4)), "ISO-8859-1")
      if (text.contains('"password"') || text.contains('"identitytoken"')) {
        leaks << "a base64 token decoding to an auth JSON"
      }
    } catch (IllegalArgumentException ignored) {
    }
  }
  assert leaks.isEmpty() : leaks.unique().join(", ")
  def admin = System.getenv("CF_TEST_REGISTRY_PASSWORD")
  def files = []
  basedir.eachFileRecurse(groovy.io.FileType.FILES) { if (it.getText("ISO-8859-1").contains(admin)) files << it }
  assert files.isEmpty() : "the registry's admin password is in ${files}"

  assert log.contains("BUILD SUCCESS") : "the deploy failed: see build.log"
  assert log =~ /pushing 127\.0\.0\.1:\d+\// : "nothing was pushed, so the scan proved little"
  return true
} finally {
  support.stopEmulator(basedir)
}
