package io.github.cfcontainers.build;

import io.github.cfcontainers.common.Reporter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Shapes a build's output for the log: every line when verbose, otherwise the {@code Step n/m}
 * lines only. Keeps the current step's output so a failure can always show what the failing step
 * printed.
 */
final class BuildLog implements Consumer<String> {

  private static final Pattern STEP = Pattern.compile("^Step \\d+/\\d+ : .*");

  private final Reporter reporter;
  private final boolean verbose;
  private final String prefix;
  private final Consumer<String> transcript;
  private final List<String> currentStep = new ArrayList<>();
  private String currentStepHeader = "";

  BuildLog(Reporter reporter, boolean verbose, String prefix, Consumer<String> transcript) {
    this.reporter = reporter;
    this.verbose = verbose;
    this.prefix = prefix;
    this.transcript = transcript;
  }

  @Override
  public void accept(String line) {
    transcript.accept(line);
    if (STEP.matcher(line).matches()) {
      currentStepHeader = line;
      currentStep.clear();
      reporter.info(prefix + line);
      return;
    }
    currentStep.add(line);
    if (verbose) {
      reporter.info(prefix + line);
    } else {
      reporter.debug(prefix + line);
    }
  }

  /** The failing step's header and every line it printed, for the error report. */
  List<String> failingStep() {
    var lines = new ArrayList<String>();
    if (!currentStepHeader.isEmpty()) {
      lines.add(currentStepHeader);
    }
    lines.addAll(currentStep);
    return lines;
  }
}
