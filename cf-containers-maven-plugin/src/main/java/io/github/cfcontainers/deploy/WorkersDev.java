package io.github.cfcontainers.deploy;

import io.github.cfcontainers.cloudflare.CloudflareApi;
import io.github.cfcontainers.cloudflare.model.ScriptSubdomain;
import io.github.cfcontainers.cloudflare.model.WorkerService;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.deploy.ParallelReads.Read;
import java.util.Optional;

/** The Worker's workers.dev route, turned on when it is off; its URL. */
final class WorkersDev {

  /**
   * The two reads, started with the plan's: the account's subdomain at once, the script's as soon
   * as the Worker's service is known to exist (nothing is read for a Worker not there yet).
   */
  record Reads(
      Read<Optional<ScriptSubdomain>> scriptBeforeUpload, Read<Optional<String>> account) {}

  private WorkersDev() {}

  static Reads start(
      CloudflareApi api,
      String script,
      Read<Optional<WorkerService>> service,
      ParallelReads reads) {
    var account = reads.start(api::findAccountSubdomain);
    var state =
        reads.start(
            () ->
                service.get().isPresent()
                    ? Optional.of(api.getScriptSubdomain(script))
                    : Optional.<ScriptSubdomain>empty());
    return new Reads(state, account);
  }

  /**
   * @param uploaded whether the Worker was uploaded just now: then its route is read again, as the
   *     official client does after an upload, instead of trusting the read from before it
   * @return the URL, or null while the account has no workers.dev subdomain
   */
  static String enable(
      CloudflareApi api, Reporter reporter, String script, Reads reads, boolean uploaded) {
    var before = uploaded ? Optional.<ScriptSubdomain>empty() : reads.scriptBeforeUpload().get();
    var state = before.isPresent() ? before.get() : api.getScriptSubdomain(script);
    if (!Boolean.TRUE.equals(state.enabled())) {
      api.enableScriptSubdomain(script);
      reporter.info("workers.dev: enabled for " + script);
    }
    Optional<String> subdomain = reads.account().get();
    if (subdomain.isEmpty()) {
      reporter.warn(
          "The account has no workers.dev subdomain yet: choose one in the Cloudflare dashboard"
              + " (Workers & Pages) to get a URL.");
      return null;
    }
    return CloudflareApi.workersDevUrl(script, subdomain.get());
  }
}
