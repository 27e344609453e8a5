package io.github.cfcontainers.cloudflare;

/** The {@code errors[].code} values the deploy cares about. */
public final class CloudflareErrorCodes {

  public static final int AUTHENTICATION = 10000;
  public static final int NO_ROUTE = 7003;
  public static final int WORKERS_DEV_SUBDOMAIN_MISSING = 10007;
  public static final int WORKER_VALIDATION_FAILED = 10021;
  public static final int MIGRATION_TAG_MISMATCH = 10079;
  public static final int SERVICE_NOT_FOUND = 10090;

  private CloudflareErrorCodes() {}
}
