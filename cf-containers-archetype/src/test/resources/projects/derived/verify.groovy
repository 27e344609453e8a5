// Derived defaults; the Worker build is the same code as in the other cases, so npm is skipped.
expected = [
    groupId: "com.Acme-Corp", artifactId: "Billing_API.Service", version: "1.0",
    package: "com.acmecorp", workerName: "billing-api-service", containerClass: "InvoiceApi2Container",
    bindingName: "INVOICE_API2_CONTAINER", defaultPort: "8080", instanceType: "lite", maxInstances: "5",
    compatibilityDate: "2026-11-01", archetypeVersion: "@project.version@", npm: false,
]
return evaluate(new File(basedir, "../verify-common.groovy"))
