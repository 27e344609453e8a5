/**
 * The Cloudflare API's request and answer bodies as records, field for field as the public API
 * schema and wrangler send them (sources next to each record). Unknown answer fields are ignored,
 * so a field the schema does not promise is never required. The records carry no naming
 * annotations: {@link io.github.cfcontainers.cloudflare.CloudflareJson}'s mapper writes their names
 * in snake_case, and only a wire name that is not the snake_case of the Java name (e.g. {@code
 * class}) is spelled out with {@code @JsonProperty}.
 */
package io.github.cfcontainers.cloudflare.model;
