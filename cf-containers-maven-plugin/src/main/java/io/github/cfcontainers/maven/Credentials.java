package io.github.cfcontainers.maven;

import io.github.cfcontainers.cloudflare.ApiToken;

/**
 * The account and token a deploy uses, and where each came from (logged at debug; the token never).
 */
record Credentials(String accountId, ApiToken token, String accountSource, String tokenSource) {}
