package io.github.cfcontainers.emulator.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Bearer-token checks as the real API answers them: no credentials 401, a token that is not valid
 * (or not valid for this account) 403, both with code 10000. A second token may lack the Containers
 * permission: it works for Workers and gets 403 on /containers.
 */
public final class Auth {
  private final String apiToken;
  private final String tokenWithoutContainers;
  private final String accountId;

  /** {@code tokenWithoutContainers} may be null (no such second token). */
  public Auth(String apiToken, String tokenWithoutContainers, String accountId) {
    this.apiToken = apiToken;
    this.tokenWithoutContainers = tokenWithoutContainers;
    this.accountId = accountId;
  }

  void check(Request request, Router.Access access) {
    if (access == Router.Access.NONE) return;
    String authorization = request.header("Authorization");
    if (authorization == null) {
      if (request.header("X-Auth-Key") != null || request.header("X-Auth-Email") != null) {
        // Legacy global API keys are not part of what this emulator accepts.
        throw ApiException.authentication(403);
      }
      throw ApiException.authentication(401);
    }
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7))
      throw ApiException.authentication(401);
    String token = authorization.substring(7).trim();
    boolean full = same(token, apiToken);
    boolean limited = tokenWithoutContainers != null && same(token, tokenWithoutContainers);
    if (!full && !limited) throw ApiException.authentication(403);
    if (access == Router.Access.TOKEN) return;
    String account = request.param("account_id");
    if (account != null && !account.equals(accountId)) throw ApiException.authentication(403);
    if (access == Router.Access.CONTAINERS && !full) throw ApiException.authentication(403);
  }

  private static boolean same(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
