package io.github.cfcontainers.maven;

/**
 * Every user property of the plugin, in one place. Each is named after the XML element it
 * sets, under the {@code cf.} prefix; a {@code -D} value beats the POM's.
 */
public final class CfProperties {

  public static final String SKIP = "cf.skip";
  public static final String BUILD_SKIP = "cf.build.skip";
  public static final String WORKER_NAME = "cf.workerName";
  public static final String DEV = "cf.dev";
  public static final String DEV_REMOTE = "cf.dev.remote";
  public static final String VERBOSE = "cf.verbose";
  public static final String OUTPUT_DIRECTORY = "cf.outputDirectory";

  private CfProperties() {
  }
}
