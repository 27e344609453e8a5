package io.github.cfcontainers.deploy;

import io.github.cfcontainers.cloudflare.ApiToken;
import io.github.cfcontainers.cloudflare.CloudflareApi;
import io.github.cfcontainers.cloudflare.CloudflareApiException;
import io.github.cfcontainers.cloudflare.CloudflareClientConfig;
import io.github.cfcontainers.cloudflare.CloudflareErrorCodes;
import io.github.cfcontainers.common.Background;
import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.common.PropertyNames;
import io.github.cfcontainers.common.Reporter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The first read of each API area a goal uses, before anything is planned, changed or deleted: an
 * unreachable API, a base URL without the API's routes, or a token without the permission becomes a
 * message that says how to fix it, ending with what the goal did not do.
 */
public final class ApiAccess {

  /**
   * Whether a warm-up ran or runs in this class loader: one is enough for every goal of a build.
   */
  private static final AtomicBoolean WARMED_UP = new AtomicBoolean();

  private ApiAccess() {}

  /**
   * The API client every goal opens the same way: the account and token found, the configured base
   * URL (else the environment's, else Cloudflare's), each call logged at debug level.
   */
  public static CloudflareApi open(
      String accountId,
      ApiToken token,
      String apiBaseUrl,
      Function<String, String> environment,
      Reporter reporter) {
    return new CloudflareApi(
        CloudflareClientConfig.builder(accountId, token)
            .baseUrl(apiBaseUrl)
            .environment(environment)
            .listener(event -> reporter.debug(event.describe()))
            .build());
  }

  /**
   * Starts {@link #warmUp} on a daemon thread and returns at once; nothing when one was started
   * already.
   */
  public static void warmUpInBackground(
      String apiBaseUrl, Function<String, String> environment, Reporter reporter) {
    if (WARMED_UP.get()) {
      return;
    }
    Background.start(
        "cf-api-warm-up",
        () -> {
          warmUp(apiBaseUrl, environment, reporter);
          return null;
        });
  }

  /**
   * {@link CloudflareApi#warmUp}, once per class loader. Whatever it meets (a bad base URL, say) is
   * only logged at debug level: the goal that opens the client reports it.
   */
  public static void warmUp(
      String apiBaseUrl, Function<String, String> environment, Reporter reporter) {
    if (WARMED_UP.getAndSet(true)) {
      return;
    }
    try {
      CloudflareApi.warmUp(apiBaseUrl, environment);
    } catch (RuntimeException e) {
      reporter.debug("API client warm-up: " + e);
    }
  }

  /**
   * @param nothingDone the last sentence of every message, e.g. "Nothing was changed."
   */
  public static <T> T require(
      CloudflareApi api, String area, String permission, Supplier<T> call, String nothingDone) {
    try {
      return call.get();
    } catch (CloudflareApiException e) {
      String base = api.baseUrl();
      String setting =
          " Set it with <apiBaseUrl> / -D"
              + PropertyNames.API_BASE_URL
              + " (or CLOUDFLARE_API_BASE_URL). "
              + nothingDone;
      if (e.kind() == CloudflareApiException.Kind.TRANSPORT) {
        throw new CfException(
            "Cannot reach the Cloudflare API at "
                + base
                + ": "
                + e.getMessage().replaceFirst("^.* got no answer: ", "")
                + " Check the network (or the proxy), and that the API base URL is right"
                + " (https://api.cloudflare.com/client/v4, or a running emulator's)."
                + setting,
            e);
      }
      boolean noRoute =
          e.hasCode(CloudflareErrorCodes.NO_ROUTE)
              || (e.kind() == CloudflareApiException.Kind.NON_JSON_ANSWER && e.httpStatus() == 404);
      if (noRoute) {
        String why =
            base.endsWith("/client/v4/")
                ? "check that it is the Cloudflare API (or the emulator)"
                : "it must end with /client/v4, e.g. https://api.cloudflare.com/client/v4";
        throw new CfException(
            "The API base URL "
                + base
                + " has no route for the "
                + area
                + " API (HTTP "
                + e.httpStatus()
                + "): "
                + why
                + "."
                + setting,
            e);
      }
      if (e.isAuthenticationError()) {
        throw new CfException(
            "The API token cannot use the "
                + area
                + " API (HTTP "
                + e.httpStatus()
                + "). Give it"
                + " the '"
                + permission
                + "' permission for this account, or check the account id. "
                + nothingDone,
            e);
      }
      throw e;
    }
  }
}
