package io.github.cfcontainers.cloudflare.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code metadata} part of a Worker upload. Absent (null) fields are not sent.
 *
 * @param mainModule name of the entry module part (required for ES modules)
 * @param compatibilityDate {@code YYYY-MM-DD}; always send it (omitted means 2021-11-02)
 * @param compatibilityFlags compatibility flags
 * @param bindings bindings
 * @param containers container links; required in the upload that creates a container class
 * @param migrations pending Durable Object migrations
 * @param observability observability settings
 * @param keepBindings binding types to keep from the previous version, e.g. {@code secret_text}
 * @param tags free-form labels
 * @param annotations version annotations, e.g. {@code workers/message}
 */
public record ScriptMetadata(
    String mainModule,
    String compatibilityDate,
    List<String> compatibilityFlags,
    List<WorkerBinding> bindings,
    List<ContainerLink> containers,
    Migrations migrations,
    WorkerObservability observability,
    List<String> keepBindings,
    List<String> tags,
    Map<String, String> annotations) {

  public static Builder builder(String mainModule, String compatibilityDate) {
    return new Builder(mainModule, compatibilityDate);
  }

  /** Builds a {@link ScriptMetadata}; lists left empty are not sent. */
  public static final class Builder {
    private final String mainModule;
    private final String compatibilityDate;
    private final List<String> compatibilityFlags = new ArrayList<>();
    private final List<WorkerBinding> bindings = new ArrayList<>();
    private final List<ContainerLink> containers = new ArrayList<>();
    private Migrations migrations;
    private WorkerObservability observability;
    private final List<String> keepBindings = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
    private final Map<String, String> annotations = new LinkedHashMap<>();

    private Builder(String mainModule, String compatibilityDate) {
      this.mainModule = mainModule;
      this.compatibilityDate = compatibilityDate;
    }

    public Builder compatibilityFlag(String flag) {
      compatibilityFlags.add(flag);
      return this;
    }

    public Builder binding(WorkerBinding binding) {
      bindings.add(binding);
      return this;
    }

    public Builder container(ContainerLink link) {
      containers.add(link);
      return this;
    }

    public Builder migrations(Migrations value) {
      this.migrations = value;
      return this;
    }

    public Builder observability(WorkerObservability value) {
      this.observability = value;
      return this;
    }

    public Builder keepBinding(String type) {
      keepBindings.add(type);
      return this;
    }

    public Builder tag(String tag) {
      tags.add(tag);
      return this;
    }

    public Builder annotation(String key, String value) {
      annotations.put(key, value);
      return this;
    }

    public ScriptMetadata build() {
      return new ScriptMetadata(
          mainModule,
          compatibilityDate,
          nullIfEmpty(compatibilityFlags),
          nullIfEmpty(bindings),
          nullIfEmpty(containers),
          migrations,
          observability,
          nullIfEmpty(keepBindings),
          nullIfEmpty(tags),
          annotations.isEmpty() ? null : Map.copyOf(annotations));
    }

    private static <T> List<T> nullIfEmpty(List<T> list) {
      return list.isEmpty() ? null : List.copyOf(list);
    }
  }
}
