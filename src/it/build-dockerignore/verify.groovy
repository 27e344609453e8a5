def support = new GroovyShell(this.class.classLoader).parse(new File(itLib, "ItSupport.groovy"))
def docker = { String... args -> support.docker(args.toList()) }

def image = support.json(basedir, "target/cf-containers/build.json").containers[0]
def files = docker("run", "--rm", "--network", "none", image.image, "find", "/ctx", "-type", "f").readLines().collect { it.trim() }.sort()
assert files.contains("/ctx/app/main.txt")
assert files.contains("/ctx/app/keep/important.tmp") : "a '!' pattern re-includes a file: ${files}"
assert !files.contains("/ctx/secret.txt") : "an ignored file must not be in the image: ${files}"
assert !files.any { it.startsWith("/ctx/app/logs") } : "an ignored directory must not be in the image: ${files}"
assert !files.contains("/ctx/app/sub/deep/scratch.tmp") : "**/*.tmp spans directories: ${files}"
assert !files.contains("/ctx/Dockerfile") : "a Dockerfile listed in .dockerignore is used but not copied: ${files}"
assert !files.any { it.startsWith("/ctx/target") } : "target/ is ignored: ${files}"
support.removeImages([image.image])
return true
