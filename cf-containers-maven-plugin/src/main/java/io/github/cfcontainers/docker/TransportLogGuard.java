package io.github.cfcontainers.docker;

import io.github.cfcontainers.build.ImagePushFailedException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the registry credentials out of every log. A push sends them in the X-Registry-Auth header
 * (base64 JSON with the password), and httpclient5 prints every request header and the raw bytes at
 * DEBUG on these two loggers, which {@code mvn -X} turns on. docker-java itself logs the command
 * with AuthConfig's toString, which leaves the password out.
 */
final class TransportLogGuard {

  /**
   * httpclient5's DefaultManagedHttpClientConnection: request headers, and the bytes on the wire.
   */
  static final List<String> CREDENTIAL_LOGGERS =
      List.of("org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire");

  /**
   * slf4j-simple (and Maven's logger, built on it) reads a logger's level from here when it creates
   * it.
   */
  private static final String SIMPLE_LOGGER_LEVEL = "org.slf4j.simpleLogger.log.";

  private TransportLogGuard() {}

  /**
   * Lowers the loggers to INFO: before httpclient5 creates them where the backend reads its levels
   * then, else by setting the level of the ones that exist. Call before the engine's first request.
   */
  static void quiet() {
    for (String name : CREDENTIAL_LOGGERS) {
      System.setProperty(SIMPLE_LOGGER_LEVEL + name, "info");
      Logger logger = LoggerFactory.getLogger(name);
      if (logger.isDebugEnabled()) {
        lower(logger);
      }
    }
  }

  /**
   * {@link #quiet()}, then refuses (before any credential is sent) when a logger still logs at
   * DEBUG.
   */
  static void requireQuiet() {
    quiet();
    check(LoggerFactory::getLogger);
  }

  static void check(Function<String, Logger> loggers) {
    for (String name : CREDENTIAL_LOGGERS) {
      Logger logger = loggers.apply(name);
      if (logger.isDebugEnabled()) {
        throw new ImagePushFailedException(
            "Not pushing: the logger "
                + name
                + " logs at DEBUG and would print the"
                + " registry credentials (the X-Registry-Auth header). Fix: set it to INFO in the logging configuration"
                + " ("
                + logger.getClass().getName()
                + "), or run without -X / debug logging.");
      }
    }
  }

  /** For loggers created before we could set their level: slf4j-simple / Maven's, and logback. */
  private static void lower(Logger logger) {
    try {
      for (Class<?> c = logger.getClass(); c != null; c = c.getSuperclass()) {
        try {
          Field level = c.getDeclaredField("currentLogLevel");
          level.setAccessible(true);
          level.setInt(logger, 20); // slf4j-simple's LOG_LEVEL_INFO (LocationAwareLogger.INFO_INT)
          return;
        } catch (NoSuchFieldException e) {
          // not slf4j-simple here; look further up
        }
      }
      Class<?> levelType =
          Class.forName("ch.qos.logback.classic.Level", false, logger.getClass().getClassLoader());
      Method setLevel = logger.getClass().getMethod("setLevel", levelType);
      setLevel.invoke(logger, levelType.getField("INFO").get(null));
    } catch (ReflectiveOperationException | RuntimeException e) {
      // an unknown backend: check() refuses the push instead
    }
  }
}
