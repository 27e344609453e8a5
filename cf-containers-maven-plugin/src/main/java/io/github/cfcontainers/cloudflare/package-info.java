/**
 * The Cloudflare API client: plain Java (no Maven types), Retrofit + Jackson underneath; the JSON
 * naming (snake_case) is set once in {@link io.github.cfcontainers.cloudflare.CloudflareJson}.
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * CloudflareClientConfig config = CloudflareClientConfig.builder(accountId, ApiToken.of(token))
 *         .baseUrl(explicitOrNull)              // else env CLOUDFLARE_API_BASE_URL, else api.cloudflare.com/client/v4
 *         .listener(e -> log.debug(e.describe()))
 *         .build();                             // InvalidBaseUrlException for an unusable base URL
 * try (CloudflareApi api = new CloudflareApi(config)) {
 *     Optional<WorkerService> worker = api.findService("my-worker");
 *     ...
 * }
 * }</pre>
 *
 * The client is a leaf: it imports nothing else of the plugin. Its methods are the ones the goals
 * call; the plugin maps its exceptions to the settings the user writes.
 *
 * <h2>Answers and errors</h2>
 *
 * The v4 envelope is unwrapped; every failure is a {@link
 * io.github.cfcontainers.cloudflare.CloudflareApiException} (unchecked) carrying the HTTP status,
 * method, path (never the query), codes, messages and the containers API's {@code
 * {"error","details"}} parsed out of {@code message}. Answers that are not JSON (WAF challenge with
 * {@code cf-mitigated}, an HTML 502 from a proxy, a wrong base URL) and connection failures become
 * the same exception with a message saying what happened. {@code find…} methods map "does not
 * exist" (HTTP 404 with a JSON error, or the endpoint's not-found code) to {@link
 * java.util.Optional#empty()}; a 404 that is not JSON is still an error, so a wrong base URL does
 * not look like an empty account.
 *
 * <h2>Retries</h2>
 *
 * Bounded ({@link io.github.cfcontainers.cloudflare.RetryPolicy}), exponential backoff with full
 * jitter, {@code Retry-After} honoured (seconds or HTTP-date) up to a cap beyond which the client
 * gives up at once. Retried: 429, 5xx and connection failures. Never other 4xx. Requests that could
 * do something twice - POST create application and POST create rollout - are retried only when the
 * answer says the request was not acted on (429, 503) or the connection failed before the request
 * could be sent (refused, unknown host, no route, connect timeout, TLS handshake); after a
 * 500/502/504 or a reset mid-request they are not retried, because the application or rollout may
 * already exist and a second one (or a confusing "already exists") would be worse than a clear
 * error. GET, PUT (the script upload replaces the script), DELETE, PATCH (our bodies set absolute
 * values) and the POSTs that are safe to repeat (registry credentials, workers.dev switch, marked
 * {@code @Idempotent}) are retried on all of them. OkHttp's own silent connection retry is switched
 * off so this policy is the only one.
 *
 * <h2>Secrets</h2>
 *
 * The token lives in {@link io.github.cfcontainers.cloudflare.ApiToken}, whose {@code toString} is
 * redacted; it is added to the request by an interceptor only, is scrubbed from any server text
 * copied into an exception, and {@link io.github.cfcontainers.cloudflare.ApiCallEvent}s carry no
 * headers, bodies or queries. Registry passwords and secret binding texts are hidden from {@code
 * toString} too.
 */
package io.github.cfcontainers.cloudflare;
