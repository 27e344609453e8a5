package io.github.cfcontainers.cloudflare.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An item of {@code GET …/applications/{id}/instances-v2}. The public schema (cloudflare-typescript
 * resources/containers/applications/instances.ts, InstanceListResponse) promises {@code id}, {@code
 * application_id}, {@code image} ("the image for the current container placement, when one is
 * available") and {@code status {state, updated_at, exit_code?}}, with {@code location {name,
 * region}} optional; it has no version field. wrangler's own listing (containers-shared
 * DashApplicationInstance, {@code /dash/…/instances}) has {@code app_version} and a string {@code
 * location}. Both forms are read; {@code location} and {@code state} stay JSON because their shapes
 * differ between them.
 */
public record ContainerInstance(
    String id,
    String createdAt,
    JsonNode location,
    Integer appVersion,
    String durableObjectId,
    JsonNode state,
    String applicationId,
    String image,
    JsonNode status) {

  public ContainerInstance(
      String id,
      String createdAt,
      JsonNode location,
      Integer appVersion,
      String durableObjectId,
      JsonNode state) {
    this(id, createdAt, location, appVersion, durableObjectId, state, null, null, null);
  }

  /**
   * {@code state} as given, else the public schema's {@code status.state}; null when neither is
   * there.
   */
  @Override
  public JsonNode state() {
    if (state != null && !state.isNull()) {
      return state;
    }
    return status == null || status.get("state") == null || status.get("state").isNull()
        ? null
        : status.get("state");
  }

  /**
   * The lifecycle state as text ({@code state}, {@code state.current} or {@code status.state}), or
   * "unknown".
   */
  @JsonIgnore
  public String stateName() {
    JsonNode s = state();
    if (s == null) {
      return "unknown";
    }
    return s.isTextual() ? s.asText() : s.path("current").asText("unknown");
  }
}
