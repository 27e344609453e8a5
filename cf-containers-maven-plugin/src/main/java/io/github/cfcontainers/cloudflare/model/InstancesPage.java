package io.github.cfcontainers.cloudflare.model;

import java.util.List;

/** One page of instances; {@code nextPageToken} is null on the last page. */
public record InstancesPage(List<ContainerInstance> instances, String nextPageToken) {}
