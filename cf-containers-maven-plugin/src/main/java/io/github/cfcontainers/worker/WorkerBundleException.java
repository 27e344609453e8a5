package io.github.cfcontainers.worker;

import java.util.Objects;

/**
 * The Worker could not be bundled. The message names the problem and how to fix it; {@link
 * #problem()} and {@link #fix()} give the two parts separately, {@link #details()} the tool output
 * if any (esbuild's error text, the tail of npm's output).
 */
public class WorkerBundleException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String problem;
  private final String fix;
  private final String details;

  public WorkerBundleException(String problem, String fix) {
    this(problem, fix, null, null);
  }

  public WorkerBundleException(String problem, String fix, String details) {
    this(problem, fix, details, null);
  }

  public WorkerBundleException(String problem, String fix, String details, Throwable cause) {
    super(format(problem, fix, details), cause);
    this.problem = Objects.requireNonNull(problem, "problem");
    this.fix = fix;
    this.details = details;
  }

  private static String format(String problem, String fix, String details) {
    StringBuilder sb = new StringBuilder(problem);
    if (details != null && !details.isBlank()) {
      sb.append(System.lineSeparator()).append(details.stripTrailing());
    }
    if (fix != null && !fix.isBlank()) {
      sb.append(System.lineSeparator()).append("Fix: ").append(fix);
    }
    return sb.toString();
  }

  /** What went wrong, in one sentence. */
  public String problem() {
    return problem;
  }

  /** How to fix it; may be {@code null}. */
  public String fix() {
    return fix;
  }

  /** The tool output that explains the failure; may be {@code null}. */
  public String details() {
    return details;
  }
}
