/**
 * The Cloudflare API's request and answer bodies as records, field for field as the public API
 * schema and wrangler send them (sources next to each record). Unknown answer fields are ignored,
 * so a field the schema does not promise is never required.
 */
package io.github.cfcontainers.cloudflare.model;
