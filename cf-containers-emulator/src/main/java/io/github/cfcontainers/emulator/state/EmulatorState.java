package io.github.cfcontainers.emulator.state;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * All in-memory state. Records are replaced, never mutated, so a reader sees whole values; callers
 * hold the state's monitor for read-modify-write sequences.
 */
public final class EmulatorState {

  public record Script(
      String name,
      String createdOn,
      String modifiedOn,
      String etag,
      String migrationTag,
      String compatibilityDate,
      ArrayNode compatibilityFlags,
      ArrayNode bindings,
      ArrayNode tags,
      ObjectNode annotations,
      ObjectNode observability,
      ArrayNode handlers,
      String mainModule,
      String latestVersionId,
      boolean workersDevEnabled,
      boolean previewsEnabled) {

    public Script withSubdomain(boolean enabled, boolean previews) {
      return new Script(
          name,
          createdOn,
          modifiedOn,
          etag,
          migrationTag,
          compatibilityDate,
          compatibilityFlags,
          bindings,
          tags,
          annotations,
          observability,
          handlers,
          mainModule,
          latestVersionId,
          enabled,
          previews);
    }
  }

  public record Version(
      String id,
      String script,
      int number,
      String createdOn,
      ArrayNode bindings,
      String compatibilityDate,
      ArrayNode compatibilityFlags,
      String mainModule,
      String etag,
      ArrayNode handlers,
      ObjectNode annotations) {}

  /** One uploaded module part, as sent. */
  public record Module(String name, String contentType, byte[] body) {}

  public record Namespace(
      String id, String script, String className, boolean sqlite, boolean containers) {
    public String name() {
      return script + "_" + className;
    }
  }

  /** An application; configuration and constraints are stored as sent (after validation). */
  public record Application(
      String id,
      String name,
      int version,
      String createdAt,
      String schedulingPolicy,
      int instances,
      int maxInstances,
      ObjectNode configuration,
      ObjectNode constraints,
      String namespaceId,
      int rolloutActiveGracePeriod,
      String activeRolloutId,
      ObjectNode affinities,
      ObjectNode priorities) {

    /** This application at {@code version}, running {@code configuration}, with that rollout. */
    public Application withRollout(int version, ObjectNode configuration, String activeRolloutId) {
      return new Application(
          id,
          name,
          version,
          createdAt,
          schedulingPolicy,
          instances,
          maxInstances,
          configuration,
          constraints,
          namespaceId,
          rolloutActiveGracePeriod,
          activeRolloutId,
          affinities,
          priorities);
    }
  }

  public final Map<String, Script> scripts = new LinkedHashMap<>();
  public final Map<String, Version> versions = new LinkedHashMap<>();
  public final Map<String, Namespace> namespaces = new LinkedHashMap<>();
  public final Map<String, Application> applications = new LinkedHashMap<>();

  /** The uploaded modules of each version (by version id), for the local Workers runtime. */
  public final Map<String, List<Module>> modules = new LinkedHashMap<>();

  /**
   * The secret_text values of each version (by version id), only for the local Workers runtime:
   * memory only, never in an answer, the admin state or a file (the real API never answers them
   * either).
   */
  public final Map<String, Map<String, String>> secretValues = new LinkedHashMap<>();

  public final Map<String, List<Rollout>> rollouts = new LinkedHashMap<>();

  /**
   * Per application, the configuration it was created with: what its instances run until a rollout
   * completes.
   */
  public final Map<String, ObjectNode> createdWith = new LinkedHashMap<>();

  /**
   * Per script, newest first: `{id, created_on, source, strategy, versions[{version_id,
   * percentage}], ...}`.
   */
  public final Map<String, List<ObjectNode>> deployments = new LinkedHashMap<>();

  /**
   * Whether application answers name a named type's {@code instance_type} beside its resolved sizes
   * (the API's usual form, see API.md). The schema marks every configuration field optional, so a
   * test can switch it off to hold a client against the sizes-only form. Reset turns it on again.
   */
  public volatile boolean answerInstanceType = true;

  /**
   * Test-only cap on every paged list's page size (admin /page-size); 0 = only the client's
   * per_page.
   */
  public volatile int maxPerPage;

  public static String hexId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  public synchronized void clear() {
    scripts.clear();
    versions.clear();
    namespaces.clear();
    applications.clear();
    modules.clear();
    secretValues.clear();
    rollouts.clear();
    createdWith.clear();
    deployments.clear();
    answerInstanceType = true;
    maxPerPage = 0;
  }

  public List<Namespace> namespacesOf(String script) {
    List<Namespace> out = new ArrayList<>();
    for (Namespace n : namespaces.values()) if (n.script().equals(script)) out.add(n);
    return out;
  }

  public Application applicationServing(String namespaceId) {
    for (Application a : applications.values()) if (namespaceId.equals(a.namespaceId())) return a;
    return null;
  }

  public Application applicationByName(String name) {
    for (Application a : applications.values()) if (a.name().equals(name)) return a;
    return null;
  }
}
