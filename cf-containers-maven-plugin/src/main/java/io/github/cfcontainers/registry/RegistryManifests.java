package io.github.cfcontainers.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cfcontainers.core.CfException;
import io.github.cfcontainers.core.ContainerEngine.RegistryAuth;
import io.github.cfcontainers.core.deploy.ManifestLookup;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks a registry (Docker Registry HTTP API v2) whether it holds a manifest, the cheap way to
 * skip a push. Speaks Basic auth and the Bearer token challenge; plain HTTP for registries on
 * a loopback address, as the Docker daemon does.
 */
public final class RegistryManifests implements ManifestLookup {

  /** Without all of these the registry converts to schema1 and answers another digest. */
  static final String ACCEPT = String.join(", ",
      "application/vnd.oci.image.manifest.v1+json",
      "application/vnd.docker.distribution.manifest.v2+json",
      "application/vnd.oci.image.index.v1+json",
      "application/vnd.docker.distribution.manifest.list.v2+json");
  private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
  /** 127.0.0.0/8 as an address literal; a host name such as {@code 127.example.com} is not loopback. */
  private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.\\d{1,3}){3}");

  private final HttpClient http;

  public RegistryManifests() {
    this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL).build());
  }

  RegistryManifests(HttpClient http) {
    this.http = http;
  }

  /** The manifest's digest when {@code repository:reference} exists, else empty. */
  @Override
  public Optional<String> digest(String registry, String repository, String reference, RegistryAuth auth) {
    URI uri = URI.create(scheme(registry) + "://" + registry + "/v2/" + repository + "/manifests/" + reference);
    try {
      var response = head(uri, "Basic " + basic(auth));
      if (response.statusCode() == 401) {
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        if (challenge.regionMatches(true, 0, "Bearer ", 0, 7)) {
          response = head(uri, "Bearer " + token(challenge, auth));
        }
      }
      return switch (response.statusCode()) {
        case 200 -> Optional.of(response.headers().firstValue("Docker-Content-Digest").orElseThrow(() ->
            new CfException("The registry " + registry + " answered without a Docker-Content-Digest header.")));
        case 404 -> Optional.empty();
        case 401, 403 -> throw new CfException("The registry " + registry + " refused the credentials (HTTP "
            + response.statusCode() + ") while checking " + repository + ":" + reference + ".");
        default -> throw new CfException("The registry " + registry + " answered HTTP " + response.statusCode()
            + " while checking " + repository + ":" + reference + ".");
      };
    } catch (IOException e) {
      throw new CfException("Cannot reach the registry " + registry + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CfException("Interrupted while checking the registry " + registry, e);
    }
  }

  /** The Docker daemon talks plain HTTP to loopback registries; so do we. */
  public static String scheme(String registry) {
    String host = registry.replaceFirst(":\\d+$", "");
    boolean loopback = host.equals("localhost") || LOOPBACK_IPV4.matcher(host).matches() || host.equals("[::1]");
    return loopback ? "http" : "https";
  }

  private HttpResponse<Void> head(URI uri, String authorization) throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(uri).method("HEAD", HttpRequest.BodyPublishers.noBody())
        .header("Accept", ACCEPT).header("Authorization", authorization).timeout(Duration.ofSeconds(30)).build();
    return http.send(request, HttpResponse.BodyHandlers.discarding());
  }

  private String token(String challenge, RegistryAuth auth) throws IOException, InterruptedException {
    Map<String, String> params = new LinkedHashMap<>();
    Matcher m = CHALLENGE_PARAM.matcher(challenge);
    while (m.find()) {
      params.put(m.group(1), m.group(2));
    }
    String realm = params.remove("realm");
    if (realm == null) {
      throw new CfException("The registry asked for a token without naming where to get it: " + challenge);
    }
    var query = new StringBuilder();
    params.forEach((k, v) -> query.append(query.length() == 0 ? "?" : "&").append(k).append('=')
        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    var request = HttpRequest.newBuilder(URI.create(realm + query)).GET()
        .header("Authorization", "Basic " + basic(auth)).timeout(Duration.ofSeconds(30)).build();
    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new CfException("The registry's token service refused the credentials (HTTP " + response.statusCode() + ").");
    }
    var json = new ObjectMapper().readTree(response.body());
    String token = json.path("token").asText(json.path("access_token").asText(""));
    if (token.isEmpty()) {
      throw new CfException("The registry's token service answered without a token.");
    }
    return token;
  }

  private static String basic(RegistryAuth auth) {
    return Base64.getEncoder().encodeToString((auth.username() + ":" + auth.password()).getBytes(StandardCharsets.UTF_8));
  }
}
