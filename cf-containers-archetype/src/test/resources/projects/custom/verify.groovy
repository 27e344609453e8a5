// Every property set, including ones that differ from all defaults.
expected = [
    groupId: "com.acme.shop", artifactId: "Orders_Service", version: "2.3.0-SNAPSHOT",
    package: "com.acme.shop.orders", workerName: "orders-edge", containerClass: "OrderService",
    bindingName: "ORDERS", defaultPort: "9090", instanceType: "standard-1", maxInstances: "12",
    compatibilityDate: "2026-06-15", archetypeVersion: "@project.version@",
]
return evaluate(new File(basedir, "../verify-common.groovy"))
