package io.github.cfcontainers.core.operate;

import io.github.cfcontainers.cloudflare.CloudflareApiException;
import io.github.cfcontainers.core.CfException;

/** Checks a token can use an API area before anything is read for a plan or deleted. */
final class AccessCheck {

  private AccessCheck() {
  }

  static void require(String area, String permission, Runnable call, String nothingDone) {
    try {
      call.run();
    } catch (CloudflareApiException e) {
      if (e.isAuthenticationError()) {
        throw new CfException("The API token cannot use the " + area + " API (HTTP " + e.httpStatus() + "). Give it"
            + " the '" + permission + "' permission for this account, or check the account id. " + nothingDone, e);
      }
      throw e;
    }
  }
}
