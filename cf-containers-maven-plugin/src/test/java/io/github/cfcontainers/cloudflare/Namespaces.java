package io.github.cfcontainers.cloudflare;

import io.github.cfcontainers.cloudflare.model.DurableObjectNamespace;
import java.util.Optional;

/** The tests' lookup of one namespace in the list the goals read whole. */
final class Namespaces {

  private Namespaces() {}

  static Optional<DurableObjectNamespace> find(CloudflareApi api, String script, String className) {
    return api.listDurableObjectNamespaces().stream()
        .filter(ns -> script.equals(ns.script()) && className.equals(ns.className()))
        .findFirst();
  }
}
