package io.github.cfcontainers.deploy;

import io.github.cfcontainers.cloudflare.CloudflareApi;
import io.github.cfcontainers.cloudflare.model.Application;
import io.github.cfcontainers.cloudflare.model.ContainersAccount;
import io.github.cfcontainers.cloudflare.model.DurableObjectNamespace;
import io.github.cfcontainers.cloudflare.model.ScriptSummary;
import io.github.cfcontainers.cloudflare.model.WorkerService;
import io.github.cfcontainers.deploy.ParallelReads.Read;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reads every plan starts from, none depending on another, so all are sent at once: the two
 * access checks, the Durable Object namespaces, the Worker's service, and each application by name.
 */
record RemoteState(
    Read<List<ScriptSummary>> scripts,
    Read<ContainersAccount> account,
    Read<List<DurableObjectNamespace>> namespaces,
    Read<Optional<WorkerService>> service,
    Map<ApplicationSpec, Read<Optional<Application>>> applications) {

  static RemoteState start(CloudflareApi api, DeploySettings settings, ParallelReads reads) {
    var scripts = reads.start(api::listScripts);
    var account = reads.start(api::getContainersAccount);
    var namespaces = reads.start(api::listDurableObjectNamespaces);
    var service = reads.start(() -> api.findService(settings.worker().name()));
    var applications = new LinkedHashMap<ApplicationSpec, Read<Optional<Application>>>();
    for (var container : settings.containers()) {
      applications.put(
          container, reads.start(() -> api.findApplicationByName(container.spec().name())));
    }
    return new RemoteState(scripts, account, namespaces, service, applications);
  }
}
