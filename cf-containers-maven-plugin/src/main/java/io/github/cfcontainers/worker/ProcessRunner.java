package io.github.cfcontainers.worker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external command: output streamed line by line to a sink while it runs, stdin closed
 * (never inherited: a child waiting for input sees end-of-file instead of hanging the build), a
 * timeout after which the process tree is killed.
 */
public final class ProcessRunner {

  /** Which stream a line came from. */
  public enum Stream {
    STDOUT,
    STDERR
  }

  /** Receives output lines as they come; called from reader threads, one line at a time. */
  @FunctionalInterface
  public interface LineSink {
    void line(Stream stream, String line);
  }

  /**
   * Outcome of a finished (or timed-out) command.
   *
   * @param exitCode the exit code, or -1 when the process timed out
   * @param timedOut whether the timeout killed it
   * @param tail the last lines of stdout and stderr, interleaved in arrival order
   */
  public record Result(int exitCode, boolean timedOut, List<String> tail) {
    public Result {
      tail = List.copyOf(tail);
    }

    public boolean succeeded() {
      return !timedOut && exitCode == 0;
    }

    public String tailText() {
      return String.join(System.lineSeparator(), tail);
    }
  }

  private static final int DEFAULT_TAIL_LINES = 200;

  private final int tailLines;
  private final Charset charset;

  /** Keeps the last 200 lines; decodes output as UTF-8 (what Node.js tools write). */
  public ProcessRunner() {
    this(DEFAULT_TAIL_LINES, StandardCharsets.UTF_8);
  }

  public ProcessRunner(int tailLines, Charset charset) {
    if (tailLines < 0) {
      throw new IllegalArgumentException("tailLines < 0");
    }
    this.tailLines = tailLines;
    this.charset = Objects.requireNonNull(charset, "charset");
  }

  /**
   * Runs {@code command} in {@code workingDirectory}.
   *
   * @param environment the complete environment of the child (replaces the JVM's), or null to
   *     inherit it
   * @throws IOException when the command cannot be started (e.g. the executable does not exist)
   * @throws InterruptedException when this thread is interrupted; the child is killed first
   */
  public Result run(
      List<String> command,
      Path workingDirectory,
      Map<String, String> environment,
      Duration timeout,
      LineSink sink)
      throws IOException, InterruptedException {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(timeout, "timeout");
    LineSink out = sink == null ? (s, l) -> {} : sink;

    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
    if (workingDirectory != null) {
      pb.directory(workingDirectory.toFile());
    }
    if (environment != null) {
      pb.environment().clear();
      pb.environment().putAll(environment);
    }
    pb.redirectInput(ProcessBuilder.Redirect.PIPE);
    pb.redirectOutput(ProcessBuilder.Redirect.PIPE);
    pb.redirectError(ProcessBuilder.Redirect.PIPE);

    Process process = pb.start();
    process.getOutputStream().close(); // stdin: immediate EOF

    Deque<String> tail = new ArrayDeque<>();
    Thread stdout = pump(process.getInputStream(), Stream.STDOUT, charset, out, tail, command);
    Thread stderr = pump(process.getErrorStream(), Stream.STDERR, charset, out, tail, command);
    boolean finished;
    try {
      finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      kill(process);
      throw e;
    }
    if (!finished) {
      kill(process);
    }
    // The readers end when the pipes close; a grandchild holding them open must not block us
    // forever.
    stdout.join(5_000);
    stderr.join(5_000);
    List<String> lines;
    synchronized (tail) {
      lines = new ArrayList<>(tail);
    }
    return new Result(finished ? process.exitValue() : -1, !finished, lines);
  }

  private Thread pump(
      InputStream in,
      Stream stream,
      Charset charset,
      LineSink sink,
      Deque<String> tail,
      List<String> command) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  synchronized (tail) {
                    if (tailLines > 0) {
                      if (tail.size() == tailLines) {
                        tail.removeFirst();
                      }
                      tail.addLast(line);
                    }
                  }
                  try {
                    sink.line(stream, line);
                  } catch (RuntimeException ignored) {
                    // a failing sink must not stop the drain (the child would block on a full pipe)
                  }
                }
              } catch (IOException ignored) {
                // pipe closed (process killed)
              }
            },
            "process-" + stream.name().toLowerCase() + "-" + baseName(command));
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static String baseName(List<String> command) {
    if (command.isEmpty()) {
      return "?";
    }
    return Path.of(command.get(0)).getFileName().toString();
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
