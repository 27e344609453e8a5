package io.github.cfcontainers.dev;

import io.github.cfcontainers.deploy.WorkerSecret;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The Miniflare options planned from the POM (written as JSON for the launcher), and which
 * containers the runtime will start, by name prefix, so they can be removed afterwards.
 *
 * @param options Miniflare's constructor options, JSON-ready
 * @param containerPrefixes workerd names app containers {@code workerd-<worker>-<class>-<id>} and
 *     their egress sidecars the same plus {@code -proxy}
 * @param url where the Worker will answer
 * @param secrets the Worker's secrets with their values: bound like vars, but handed to the
 *     launcher over its stdin, never in the options file
 */
public record DevPlan(
    Map<String, Object> options,
    Path workerProject,
    List<String> containerPrefixes,
    List<String> images,
    String url,
    List<WorkerSecret> secrets) {

  public DevPlan {
    options = Map.copyOf(options);
    containerPrefixes = List.copyOf(containerPrefixes);
    images = List.copyOf(images);
    secrets = List.copyOf(secrets);
  }

  /** Whether a container name is one the runtime started for this Worker. */
  public boolean owns(String containerName) {
    String name = containerName.startsWith("/") ? containerName.substring(1) : containerName;
    return containerPrefixes.stream().anyMatch(name::startsWith);
  }
}
