package io.github.cfcontainers.maven;

/**
 * {@code <secret>} of {@code <worker><secrets>}: a Worker secret ({@code env.<name>}) whose value
 * comes from the environment or a settings.xml server, never from the POM.
 */
public class Secret {

  /** The binding name in the Worker's env, e.g. {@code API_KEY}. */
  String name;

  /** The environment variable holding the value; default: the same as {@code <name>}. */
  String env;

  /**
   * A settings.xml server whose (encrypted) password holds the value; taken before the environment.
   */
  String server;
}
