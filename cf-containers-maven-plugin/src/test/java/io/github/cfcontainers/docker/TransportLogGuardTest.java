package io.github.cfcontainers.docker;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfcontainers.build.ImagePushFailedException;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class TransportLogGuardTest {

  /** A logger of a backend the guard does not know: its level cannot be lowered. */
  private static Logger stubbornLogger(boolean debug) {
    return (Logger)
        Proxy.newProxyInstance(
            Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "isDebugEnabled", "isTraceEnabled" -> debug;
                  case "getName" -> "stub";
                  case "toString" -> "stub logger";
                  default -> method.getReturnType() == boolean.class ? Boolean.FALSE : null;
                });
  }

  @Test
  void refusesToPushWhenAHeaderLoggerStaysAtDebug() {
    assertThatThrownBy(() -> TransportLogGuard.check(name -> stubbornLogger(true)))
        .isInstanceOf(ImagePushFailedException.class)
        .hasMessageContaining(
            "Not pushing: the logger org.apache.hc.client5.http.headers logs at DEBUG")
        .hasMessageContaining("Fix: set it to INFO");
  }

  @Test
  void passesWhenTheLoggersAreQuiet() {
    assertThatCode(() -> TransportLogGuard.check(name -> stubbornLogger(false)))
        .doesNotThrowAnyException();
  }
}
