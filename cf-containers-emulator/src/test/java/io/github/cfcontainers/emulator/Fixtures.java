package io.github.cfcontainers.emulator;

/** Worker sources and metadata shaped like a wrangler deploy of a container Worker. */
public final class Fixtures {
  public static final String TOKEN = "test-token-with-everything";
  public static final String LIMITED_TOKEN = "test-token-workers-only";
  public static final String ACCOUNT = "0123456789abcdef0123456789abcdef";

  public static final String WORKER =
      """
      import { DurableObject } from "cloudflare:workers";
      class MyContainer extends DurableObject { async fetch(req) { return new Response("hi"); } }
      var worker_default = { async fetch(request, env) { return env.MY_CONTAINER.get(env.MY_CONTAINER.idFromName("a")).fetch(request); } };
      export { MyContainer, worker_default as default };
      """;

  /**
   * A first deploy of MyContainer as a SQLite Durable Object class without a {@code containers}
   * entry: its namespace is not container-enabled.
   */
  public static final String WITHOUT_CONTAINERS =
      """
      {"main_module":"worker.js","compatibility_date":"2025-06-01",
       "bindings":[{"type":"durable_object_namespace","name":"MY_CONTAINER","class_name":"MyContainer"}],
       "migrations":{"new_tag":"v1","new_sqlite_classes":["MyContainer"]}}""";

  private Fixtures() {}

  /** First deploy: creates MyContainer as a SQLite class and marks it container-enabled. */
  public static String metadata(String appName) {
    return """
        {"main_module":"worker.js","compatibility_date":"2025-06-01",
         "bindings":[{"type":"durable_object_namespace","name":"MY_CONTAINER","class_name":"MyContainer"}],
         "containers":[{"name":"%s","class_name":"MyContainer"}],
         "migrations":{"new_tag":"v1","steps":[{"new_sqlite_classes":["MyContainer"]}]},
         "tags":["cf-containers:hash=abc"],"annotations":{"workers/message":"first"}}
        """
        .formatted(appName);
  }
}
