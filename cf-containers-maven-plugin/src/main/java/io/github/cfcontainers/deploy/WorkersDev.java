package io.github.cfcontainers.deploy;

import io.github.cfcontainers.cloudflare.CloudflareApi;
import io.github.cfcontainers.common.Reporter;
import java.util.Optional;

/** The Worker's workers.dev route, turned on when it is off; its URL. */
final class WorkersDev {

  private WorkersDev() {}

  /**
   * Both reads at once; the account's subdomain is needed whether or not the script's is on.
   *
   * @return the URL, or null while the account has no workers.dev subdomain
   */
  static String enable(CloudflareApi api, Reporter reporter, String script, ParallelReads reads) {
    var state = reads.start(() -> api.getScriptSubdomain(script));
    var account = reads.start(api::findAccountSubdomain);
    if (!Boolean.TRUE.equals(state.get().enabled())) {
      api.enableScriptSubdomain(script);
      reporter.info("workers.dev: enabled for " + script);
    }
    Optional<String> subdomain = account.get();
    if (subdomain.isEmpty()) {
      reporter.warn(
          "The account has no workers.dev subdomain yet: choose one in the Cloudflare dashboard"
              + " (Workers & Pages) to get a URL.");
      return null;
    }
    return CloudflareApi.workersDevUrl(script, subdomain.get());
  }
}
