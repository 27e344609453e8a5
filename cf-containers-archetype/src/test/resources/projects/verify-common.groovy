// Shared checks of a generated project; each case's verify.groovy sets `expected` and
// evaluates this file. Runs after the case's goal.txt build (`test`).
import java.util.concurrent.TimeUnit

File project = context.projectDir instanceof File ? context.projectDir : new File(context.projectDir.toString())
assert project.isDirectory() : "no generated project at " + project

def fail = { String message -> throw new AssertionError(message) }
def text = { String path ->
    File f = new File(project, path)
    if (!f.isFile()) fail("missing " + path)
    f.getText("UTF-8")
}

// 1. The goal.txt build: compiled with release 17 and ran the service's unit tests.
String log = text("build.log")
assert log.contains("BUILD SUCCESS") : "the generated project's build failed: see " + project + "/build.log"
assert log =~ /Tests run: 5, Failures: 0, Errors: 0, Skipped: 0/ : "the service's unit tests did not all run"
// Of the cf plugin, `test` runs only cf:types (generate-sources): no Docker, no npm.
assert log.contains(":types (cf-types) @") : "cf:types did not run at generate-sources"
assert !(log =~ /cf-containers-maven-plugin:[^:]+:(build|deploy) /) : "`test` must not run cf:build or cf:deploy"

// 2. The files, with the properties filtered in (and nothing left for Velocity).
String pkgPath = expected.package.replace('.', '/')
String app = text("src/main/java/" + pkgPath + "/App.java")
assert app.contains("package " + expected.package + ";")
assert app.contains("DEFAULT_PORT = " + expected.defaultPort + ";")
assert text("src/test/java/" + pkgPath + "/AppTest.java").contains("package " + expected.package + ";")

["Dockerfile", ".dockerignore", ".gitignore", "bench/startup.sh", "worker/package.json",
 "worker/package-lock.json", "worker/tsconfig.json", "README.md"].each { text(it) }
assert new File(project, "bench/startup.sh").canExecute() : "bench/startup.sh lost its x bit"
// Maven's own JVM for this project: C1 only (README.md, "Why mvn is quick here").
assert text(".mvn/jvm.config").trim() == "-XX:TieredStopAtLevel=1"

// The CI workflow: valid YAML, and the commands it runs are the README's, with the token from secrets.
def workflow = new groovy.yaml.YamlSlurper().parseText(text(".github/workflows/deploy.yml"))
def steps = workflow.jobs.build.steps
def runs = steps.findAll { it.run }.collectEntries { [(it.name): it] }
assert runs.keySet() == ["Verify", "Deploy"] as Set : "workflow steps running commands: " + runs.keySet()
assert runs.Verify.run == "mvn -B verify" && runs.Verify.if.contains("pull_request")
assert runs.Deploy.run == "mvn -B deploy" && runs.Deploy.if.contains("refs/heads/main")
assert runs.Deploy.env.CLOUDFLARE_API_TOKEN == '${{ secrets.CLOUDFLARE_API_TOKEN }}'
assert runs.Deploy.env.CLOUDFLARE_ACCOUNT_ID == '${{ secrets.CLOUDFLARE_ACCOUNT_ID }}'
assert steps.any { it.uses?.startsWith("actions/cache@") && it.with.path == "worker/node_modules" }
assert steps.any { it.uses?.startsWith("actions/setup-java@") && it.with.cache == "maven" }
// YAML 1.1 parsers may read the key `on` as the boolean true.
def triggers = workflow.containsKey("on") ? workflow.on : workflow[true] ?: workflow["true"]
assert triggers != null && triggers.containsKey("pull_request") : "workflow triggers: " + triggers
assert triggers.push.branches == ["main"]

String dockerfile = text("Dockerfile")
// Unfiltered: Dockerfile variables and build args survive as written.
assert dockerfile.contains('FROM ${BASE_IMAGE} AS runtime-builder')
assert dockerfile.contains('FROM ${RUNTIME_IMAGE}')
assert dockerfile.contains('jlink --add-modules "$JAVA_MODULES"')
assert dockerfile.contains("-XX:AOTCacheOutput=/app/app.aot") && dockerfile.contains("-XX:AOTCache=/app/app.aot")
assert dockerfile.contains("USER 10001:10001")

String readme = text("README.md")
assert !readme.contains('${') : "README.md has an unfiltered \${...}"
assert readme.contains("`mvn -B verify`") && readme.contains("`mvn -B deploy`") : "the README does not name the workflow's commands"
assert readme.contains("mvn package cf:dev") : "README.md tells how to run it locally"
// cf:dev's runtime is the miniflare of the project's own wrangler: pinned, with the lockfile.
assert text("worker/package.json") =~ /"wrangler":\s*"4\.86\.0"/ : "wrangler 4.86.0 is not pinned in worker/package.json"
assert text("worker/package-lock.json").contains('"node_modules/wrangler"')
assert readme.contains(expected.workerName) && readme.contains(expected.containerClass)

String container = text("worker/src/container.ts")
String worker = text("worker/src/worker.ts")
assert !new File(project, "worker/src/env.ts").exists() : "a hand-written env.ts would shadow the generated env.d.ts"
String env = text("worker/src/env.d.ts")
// No Velocity reference may survive (a regex's "$/" is fine).
[container, worker, env].each { assert !(it =~ /\$!?\{|\$[A-Za-z]/) : "a Velocity reference survived in the Worker sources" }
assert container.contains("export class " + expected.containerClass + " extends Container<Env>")
assert container.contains("defaultPort = " + expected.defaultPort + ";")
// cf:types, from the POM: the binding, the class from the entry module, the variable.
assert env.contains(expected.bindingName + ": DurableObjectNamespace<" + expected.containerClass + ">;")
assert env.contains("import type { " + expected.containerClass + " } from \"./worker\";")
assert env.contains("POOL_SIZE: string;")
assert worker.contains("export { " + expected.containerClass + " } from \"./container\";")
assert worker.contains("const MAX_INSTANCES = " + expected.maxInstances + ";")
assert worker.contains("getContainer(env." + expected.bindingName + ", name)")
assert worker.contains("worker: \"" + expected.workerName + "\"")

// 3. pom.xml: the cf plugin at the archetype's version, bound to package and deploy.
String pomText = text("pom.xml")
def leftovers = (pomText =~ /\$\{([^}]+)\}/).collect { it[1] } as Set
// No cf.skip wiring: -Dcf.skip beats the POM by itself, so <skip>${cf.skip}</skip> is not needed.
assert leftovers == ["junit.version", "cf-containers.version", "cf.baseImage", "cf.runtimeImage"] as Set :
        "unexpected \${...} in pom.xml: " + leftovers
// JDK DOM + XPath (the archetype plugin's Groovy has no groovy-xml).
def dbf = javax.xml.parsers.DocumentBuilderFactory.newInstance()
def doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(pomText.getBytes("UTF-8")))
def xpath = javax.xml.xpath.XPathFactory.newInstance().newXPath()
// Namespaces off: plain element names address the POM.
def x = { String path -> xpath.evaluate(path, doc).trim() }
def count = { String path -> (xpath.evaluate("count(" + path + ")", doc, javax.xml.xpath.XPathConstants.NUMBER) as Number).intValue() }
assert x("/project/groupId") == expected.groupId
assert x("/project/artifactId") == expected.artifactId
assert x("/project/version") == expected.version
assert x("/project/properties/maven.deploy.skip") == "true"
assert x("/project/properties/maven.compiler.release") == "17"
String pluginVersion = x("/project/properties/cf-containers.version")
assert pluginVersion == expected.archetypeVersion : "cf plugin version " + pluginVersion
String cf = "/project/build/plugins/plugin[artifactId='cf-containers-maven-plugin']"
assert count(cf) == 1
assert x(cf + "/groupId") == "io.github.cfcontainers"
assert x(cf + "/version") == '${cf-containers.version}'
assert x(cf + "/extensions") == "true" : "the early API client warm-up needs <extensions>true</extensions>"
assert x(cf + "/executions/execution[1]/phase") == "generate-sources" && x(cf + "/executions/execution[1]/goals/goal") == "types"
assert x(cf + "/executions/execution[2]/phase") == "package" && x(cf + "/executions/execution[2]/goals/goal") == "build"
assert x(cf + "/executions/execution[3]/phase") == "deploy" && x(cf + "/executions/execution[3]/goals/goal") == "deploy"
String conf = cf + "/configuration"
assert count(conf + "/skip") == 0 : "no <skip>: -Dcf.skip=true works without it"
assert x(conf + "/workerName") == expected.workerName
assert x(conf + "/worker/directory") == "worker"
assert x(conf + "/worker/entryPoint") == "src/worker.ts"
assert x(conf + "/worker/compatibilityDate") == expected.compatibilityDate
assert x(conf + "/worker/vars/POOL_SIZE") == "3"
String c = conf + "/containers/container"
assert count(c) == 1
assert x(c + "/className") == expected.containerClass
assert x(c + "/binding") == expected.bindingName
assert x(c + "/instanceType") == expected.instanceType
assert x(c + "/maxInstances") == expected.maxInstances
assert x(c + "/build/args/BASE_IMAGE") == '${cf.baseImage}'
assert x(c + "/build/args/RUNTIME_IMAGE") == '${cf.runtimeImage}'
// Every plugin pinned: in pluginManagement or at the plugin itself.
assert count("/project/build/pluginManagement/plugins/plugin[not(version)]") == 0
assert count("/project/build/plugins/plugin[not(version) and not(artifactId = /project/build/pluginManagement/plugins/plugin/artifactId)]") == 0

// 4. The Worker: npm ci (the committed lockfile), tsc --noEmit, esbuild bundle.
if (expected.npm == false || Boolean.getBoolean("archetype.it.skipNpm")) {
    println "[verify] " + project.name + ": files, pom and unit tests OK (Worker build skipped)"
    return true
}
File workerDir = new File(project, "worker")
def npm = { List<String> args ->
    List<String> command = [System.getProperty("os.name").toLowerCase().contains("win") ? "npm.cmd" : "npm"] + args
    println "[verify] " + workerDir + ": " + command.join(" ")
    Process p
    try {
        p = new ProcessBuilder(command).directory(workerDir).redirectErrorStream(true).start()
    } catch (IOException e) {
        fail("cannot run npm (Node.js 20+ needed, or -Darchetype.it.skipNpm=true): " + e.message)
    }
    String out = p.inputStream.getText("UTF-8")
    if (!p.waitFor(300, TimeUnit.SECONDS)) { p.destroyForcibly(); fail(command.join(" ") + " timed out") }
    println out
    if (p.exitValue() != 0) fail(command.join(" ") + " exited " + p.exitValue() + ":\n" + out)
    out
}
npm(["ci", "--no-audit", "--no-fund"])
assert new File(workerDir, "node_modules/miniflare/package.json").isFile() : "npm ci brought no miniflare (cf:dev's runtime)"
npm(["run", "typecheck"])
// The generated Env is what tsc checks against: a binding the POM does not configure fails.
File probe = new File(workerDir, "src/binding-probe.ts")
probe.text = 'import type { Env } from "./env";\nexport const probe = (env: Env) => env.NOT_IN_THE_POM;\n'
String refused = null
try {
    npm(["run", "typecheck"])
} catch (AssertionError tscFailed) {
    refused = tscFailed.message
} finally {
    probe.delete()
}
assert refused != null : "tsc accepted env.NOT_IN_THE_POM: the Env type is not the generated one"
assert refused.contains("Property 'NOT_IN_THE_POM' does not exist on type 'Env'") : refused
npm(["run", "build"])
File bundle = new File(workerDir, "dist/worker.js")
assert bundle.isFile() : "no dist/worker.js"
String js = bundle.getText("UTF-8")
assert js =~ ("export\\s*\\{[^}]*\\b" + expected.containerClass + "\\b") : "the bundle does not export " + expected.containerClass
assert js =~ /as default/ : "the bundle has no default export"
// Only the container class and the handler: workerd treats every named export of the main
// module as an entrypoint, so helpers must stay module-local.
def exported = ((js =~ /export\s*\{([^}]*)\}/)[0][1]).split(",").collect { it.trim().split(/\s+as\s+/)[-1] } as Set
assert exported == [expected.containerClass, "default"] as Set : "the bundle exports " + exported
assert !(js =~ /from\s*["']@cloudflare\/containers["']/) : "@cloudflare/containers was not bundled"
println "[verify] " + project.name + ": files, pom, unit tests and Worker (typecheck + bundle, " + bundle.length() + " bytes) OK"
return true
