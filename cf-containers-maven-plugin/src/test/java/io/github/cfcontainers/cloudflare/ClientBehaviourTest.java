package io.github.cfcontainers.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cfcontainers.cloudflare.model.Application;
import io.github.cfcontainers.cloudflare.model.ApplicationConfiguration;
import io.github.cfcontainers.cloudflare.model.DurableObjectNamespace;
import io.github.cfcontainers.cloudflare.model.DurableObjectNamespaceBinding;
import io.github.cfcontainers.cloudflare.model.DurableObjectsRef;
import io.github.cfcontainers.cloudflare.model.PlainTextBinding;
import io.github.cfcontainers.cloudflare.model.Rollout;
import io.github.cfcontainers.cloudflare.model.ScriptSettings;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class ClientBehaviourTest extends ApiTestSupport {

  @Test
  void baseUrlFromTheEnvironmentIsUsed() throws Exception {
    useClient(
        CloudflareClientConfig.builder(ACCOUNT, ApiToken.of(TOKEN))
            .environment(
                Map.of("CLOUDFLARE_API_BASE_URL", server.url("/emu/client/v4").toString())::get));
    enqueue(ok("[]"));
    api.listScripts();
    RecordedRequest r = take();
    assertThat(r.getPath()).isEqualTo("/emu/client/v4/accounts/" + ACCOUNT + "/workers/scripts");
    assertThat(r.getHeader("User-Agent")).isEqualTo("cf-containers-maven-plugin");
  }

  @Test
  void redirectsAreNotFollowed() {
    enqueue(
        new MockResponse()
            .setResponseCode(302)
            .setHeader("Location", "http://example.invalid/steal"));
    CloudflareApiException e =
        catchThrowableOfType(CloudflareApiException.class, () -> api.listScripts());
    assertThat(e.httpStatus()).isEqualTo(302);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void emptyBodiesAreAcceptedForDeletes() {
    enqueue(
        new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json"),
        new MockResponse().setResponseCode(204));
    assertThat(api.deleteApplication("a")).isTrue();
    assertThat(api.deleteScript("w", true)).isTrue();
  }

  @Test
  void recordsWriteOnlyTheirApiFieldsThroughTheClientMapper() throws Exception {
    ObjectMapper mapper = CloudflareJson.newMapper();
    assertJson(
        mapper.writeValueAsString(
            new Rollout(
                "r",
                null,
                null,
                null,
                "completed",
                null,
                null,
                null,
                null,
                new Rollout.Progress(1, 1, 1, 1),
                null,
                null,
                null)),
        """
        {"id":"r","status":"completed",
         "progress":{"total_steps":1,"current_step":1,"updated_instances":1,"total_instances":1}}
        """);
    assertJson(
        mapper.writeValueAsString(
            new Application(
                "id",
                "n",
                1,
                null,
                null,
                null,
                0,
                2,
                new ApplicationConfiguration("img", "lite", null, null, null, null),
                null,
                new DurableObjectsRef("ns"),
                null,
                null,
                null)),
        """
        {"id":"id","name":"n","version":1,"instances":0,"max_instances":2,
         "configuration":{"image":"img","instance_type":"lite"},"durable_objects":{"namespace_id":"ns"}}
        """);
    assertJson(
        mapper.writeValueAsString(new DurableObjectNamespace("i", "n", "s", "C", true, null)),
        "{\"id\":\"i\",\"name\":\"n\",\"script\":\"s\",\"class\":\"C\",\"use_sqlite\":true}");
    assertJson(
        mapper.writeValueAsString(List.of(new DurableObjectNamespaceBinding("B", "C"))),
        "[{\"type\":\"durable_object_namespace\",\"name\":\"B\",\"class_name\":\"C\"}]");
    // and read back through the polymorphic binding reader
    ScriptSettings settings =
        mapper.readValue(
            "{\"bindings\":[{\"type\":\"plain_text\",\"name\":\"X\","
                + "\"text\":\"y\"}],\"tags\":[\"t\"]}",
            ScriptSettings.class);
    assertThat(settings.bindings()).containsExactly(new PlainTextBinding("X", "y"));
  }
}
