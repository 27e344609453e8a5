package io.github.cfcontainers.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cfcontainers.cloudflare.ApiToken;
import io.github.cfcontainers.cloudflare.CloudflareApi;
import io.github.cfcontainers.cloudflare.CloudflareClientConfig;
import io.github.cfcontainers.cloudflare.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer answering hand-written JSON per "METHOD path" (path without the account prefix
 * and the query), recording every request with its body. Unrouted requests get a 404 "No route" so
 * they show up in assertions rather than hanging. Public for the tests of {@code core.operate}.
 */
public final class FakeCloudflare implements AutoCloseable {

  public static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
  static final String TOKEN = "tok_unit-Secret-5e4d3c2b1a";
  private static final String PREFIX = "/client/v4/accounts/" + ACCOUNT;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One recorded request: method, path after the account prefix (query kept), body text. */
  public record Call(String method, String path, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private final MockWebServer server = new MockWebServer();
  private final Map<String, Deque<MockResponse>> routes = new ConcurrentHashMap<>();
  public final List<Call> calls = new CopyOnWriteArrayList<>();
  public final CloudflareApi api;

  /** Held before each answer, as a network would; with it {@link #rounds()} tells waves apart. */
  volatile Duration latency = Duration.ZERO;

  /** Each request's arrival and answer time (nanos) at the server. */
  private final List<long[]> spans = new CopyOnWriteArrayList<>();

  public FakeCloudflare() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            long arrived = System.nanoTime();
            var answer = answer(request);
            Thread.sleep(latency.toMillis());
            spans.add(new long[] {arrived, System.nanoTime()});
            return answer;
          }

          private MockResponse answer(RecordedRequest request) {
            String full = request.getPath();
            String path = full.startsWith(PREFIX) ? full.substring(PREFIX.length()) : full;
            calls.add(
                new Call(
                    request.getMethod(),
                    path,
                    request.getBody().readString(StandardCharsets.UTF_8)));
            String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            var answers = routes.get(request.getMethod() + " " + bare);
            if (answers == null) {
              return error(404, 7003, "No route for the URI");
            }
            synchronized (answers) {
              return answers.size() > 1 ? answers.poll() : answers.peek();
            }
          }
        });
    try {
      server.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    api =
        new CloudflareApi(
            CloudflareClientConfig.builder(ACCOUNT, ApiToken.of(TOKEN))
                .baseUrl(server.url("/client/v4").toString())
                .environment(name -> null)
                .retryPolicy(RetryPolicy.NONE)
                .readTimeout(Duration.ofSeconds(5))
                .build());
  }

  /**
   * Answers {@code method path} (path relative to the account, no query) with the answers in turn,
   * the last one for every further request.
   */
  public FakeCloudflare on(String method, String path, MockResponse... answers) {
    routes.put(method + " " + path, new ArrayDeque<>(List.of(answers)));
    return this;
  }

  /**
   * The Worker "w" as a deploy left it (DeployServiceTest, NoOpDeployTest): its Durable Object
   * namespace for MyContainer, its settings carrying that hash tag, and workers.dev on "acme".
   */
  void deployedWorker(String namespace, String hashTag) {
    on(
        "GET",
        "/workers/durable_objects/namespaces",
        ok(
            "[{\"id\":\""
                + namespace
                + "\",\"name\":\"w_MyContainer\",\"script\":\"w\",\"class\":\"MyContainer\"}]"));
    on("GET", "/workers/scripts/w/settings", ok("{\"tags\":[\"" + hashTag + "\"]}"));
    on("GET", "/workers/subdomain", ok("{\"subdomain\":\"acme\"}"));
  }

  public static MockResponse ok(String resultJson) {
    return new MockResponse()
        .setResponseCode(200)
        .setHeader("Content-Type", "application/json")
        .setBody("{\"success\":true,\"errors\":[],\"messages\":[],\"result\":" + resultJson + "}");
  }

  public static MockResponse error(int status, int code, String message) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(
            "{\"success\":false,\"errors\":[{\"code\":"
                + code
                + ",\"message\":\""
                + message
                + "\"}],\"messages\":[],\"result\":null}");
  }

  /**
   * The longest chain of requests each sent after the previous one was answered: the round trips a
   * client waits for at the injected latency, whatever the local work between them costs.
   */
  int rounds() {
    var sorted = spans.stream().sorted(Comparator.comparingLong(s -> s[0])).toList();
    int[] depth = new int[sorted.size()];
    int longest = 0;
    for (int i = 0; i < sorted.size(); i++) {
      depth[i] = 1;
      for (int j = 0; j < i; j++) {
        if (sorted.get(j)[1] <= sorted.get(i)[0]) {
          depth[i] = Math.max(depth[i], depth[j] + 1);
        }
      }
      longest = Math.max(longest, depth[i]);
    }
    return longest;
  }

  void clearRecords() {
    calls.clear();
    spans.clear();
  }

  /** {@link #writes()} as "METHOD path" lines. */
  public List<String> writeLines() {
    return writes().stream().map(Call::toString).toList();
  }

  public List<Call> writes() {
    return calls.stream().filter(c -> !c.method().equals("GET")).toList();
  }

  Call only(String method, String pathPrefix) {
    var matching =
        calls.stream()
            .filter(c -> c.method().equals(method) && c.path().startsWith(pathPrefix))
            .toList();
    assertThat(matching).as("%s %s among %s", method, pathPrefix, calls).hasSize(1);
    return matching.get(0);
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    api.close();
    server.shutdown();
  }
}
