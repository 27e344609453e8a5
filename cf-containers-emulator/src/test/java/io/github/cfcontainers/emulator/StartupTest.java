package io.github.cfcontainers.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StartupTest {
  @Test
  void startsFastOnLoopbackAndAnswersTheContractUrls() throws Exception {
    long t0 = System.nanoTime();
    try (CloudflareEmulator e = CloudflareEmulator.builder().apiToken("t").start()) {
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
      assertThat(e.apiBaseUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+/client/v4");
      assertThat(e.adminUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+/__emulator");
      assertThat(e.accountId()).matches("[0-9a-f]{32}");
      Api.Reply r =
          new Api(e.apiBaseUrl(), e.accountId(), "t").get("/accounts/{a}/workers/scripts");
      assertThat(r.status()).isEqualTo(200);
    }
  }

  @Test
  void secretBindingValuesAreNeverAnsweredBack() throws Exception {
    try (CloudflareEmulator e = CloudflareEmulator.builder().apiToken("t").start()) {
      Api api = new Api(e.apiBaseUrl(), e.accountId(), "t");
      String meta =
          """
          {"main_module":"worker.js","compatibility_date":"2025-06-01",
           "bindings":[{"type":"secret_text","name":"KEY","text":"s3cr3t-value"}]}""";
      assertThat(api.upload("s", meta, "export default { fetch() {} };").status()).isEqualTo(200);
      assertThat(api.get("/accounts/{a}/workers/scripts/s/settings").raw().body())
          .doesNotContain("s3cr3t-value");
      assertThat(new Api(e.adminUrl(), e.accountId(), null).get("/state").raw().body())
          .doesNotContain("s3cr3t-value");
    }
  }
}
