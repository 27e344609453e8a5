package io.github.cfcontainers.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The v4 envelope {@code {success, errors, messages, result, result_info}}. Errors stay raw JSON:
 * the caller parses them leniently ({@link ApiErrors}).
 */
record ApiEnvelope<T>(
    Boolean success, JsonNode errors, JsonNode messages, T result, ResultInfo resultInfo) {

  /** {@code result_info}: page-numbered or token-paged lists. */
  record ResultInfo(
      Integer page, Integer perPage, Integer count, Integer totalCount, String nextPageToken) {}
}
