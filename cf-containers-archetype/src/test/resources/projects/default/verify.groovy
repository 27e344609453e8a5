// Defaults: only groupId, artifactId and version were given.
expected = [
    groupId: "it.example", artifactId: "default-service", version: "0.1-SNAPSHOT",
    package: "it.example", workerName: "default-service", containerClass: "MyContainer",
    bindingName: "MY_CONTAINER", defaultPort: "8080", instanceType: "lite", maxInstances: "5",
    compatibilityDate: "2026-11-01", archetypeVersion: "@project.version@",
]
return evaluate(new File(basedir, "../verify-common.groovy"))
