package io.github.cfcontainers.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cfcontainers.build.ContainerEngine.RegistryAuth;
import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.common.PropertyNames;
import java.io.IOException;
import java.net.InetSocketAddress;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * HTTP to a registry (Docker Registry HTTP API v2) with its auth: Basic first, then the Bearer
 * token its challenge asks for. The scheme is chosen as the Docker daemon chooses it (see {@link
 * RegistryTls}): HTTPS first, verified, for every registry; for an insecure one (loopback, or
 * listed) HTTPS without verifying the certificate, and plain HTTP only when it does not speak TLS
 * at all. Basic credentials never travel over plain HTTP to a host that is not loopback.
 */
public final class RegistryHttp {

  private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private static final Duration LOOPBACK_HANDSHAKE = Duration.ofSeconds(2);
  private static final Duration REMOTE_HANDSHAKE = Duration.ofSeconds(5);

  private final RegistryTls tls;
  private final Duration loopbackHandshake;
  private final HttpClient verified;
  private final HttpClient unverified;

  /** The scheme each registry turned out to speak, so the fallback is found once per run. */
  private final Map<String, String> schemes = new ConcurrentHashMap<>();

  /** Reads the CA file now, so a bad one is reported before anything is pushed or changed. */
  public RegistryHttp(RegistryTls tls) {
    this(tls, LOOPBACK_HANDSHAKE);
  }

  /** Tests: a shorter TLS probe against their silent plain-HTTP servers. */
  RegistryHttp(RegistryTls tls, Duration loopbackHandshake) {
    this.tls = tls;
    this.loopbackHandshake = loopbackHandshake;
    this.verified = client(tls.verifying());
    this.unverified = client(RegistryTls.unverified());
  }

  private static HttpClient client(SSLContext context) {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .sslContext(context)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  /**
   * One request with the registry's auth: Basic first, then the Bearer token its challenge asks
   * for.
   */
  HttpResponse<byte[]> send(
      String method,
      String registry,
      String path,
      String accept,
      String contentType,
      RegistryAuth auth) {
    boolean insecure = tls.isInsecure(registry);
    HttpClient http = insecure ? unverified : verified;
    try {
      String scheme =
          insecure
              ? schemes.computeIfAbsent(registry, r -> speaksTls(r) ? "https" : "http")
              : "https";
      boolean plainRemote = "http".equals(scheme) && !RegistryTls.isLoopback(registry);
      var request =
          HttpRequest.newBuilder(URI.create(scheme + "://" + registry + path))
              .method(method, HttpRequest.BodyPublishers.noBody())
              .header("Accept", accept)
              .timeout(Duration.ofSeconds(30));
      if (contentType != null) {
        request.header("Content-Type", contentType);
      }
      HttpResponse<byte[]> response =
          send(http, request, plainRemote ? null : "Basic " + basic(auth));
      if (response.statusCode() == 401) {
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        if (plainRemote) {
          throw new CfException(
              "The registry "
                  + registry
                  + " speaks only plain HTTP and asks for credentials: they"
                  + " would travel unencrypted to a host that is not loopback, so they are not sent. Serve the registry"
                  + " over HTTPS (a private CA can be trusted with <registryCaFile> / -D"
                  + PropertyNames.REGISTRY_CA_FILE
                  + ").");
        }
        if (challenge.regionMatches(true, 0, "Bearer ", 0, 7)) {
          response = send(http, request, "Bearer " + token(registry, http, challenge, auth));
        }
      }
      return response;
    } catch (IOException e) {
      throw unreachable(registry, insecure, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CfException("Interrupted while talking to the registry " + registry, e);
    }
  }

  /**
   * The digest a manifest answer states; {@code manifest} ({@code repository:tag}) for the error.
   */
  static String contentDigest(HttpResponse<?> response, String registry, String manifest) {
    return response
        .headers()
        .firstValue("Docker-Content-Digest")
        .orElseThrow(
            () ->
                new CfException(
                    "The registry "
                        + registry
                        + " answered "
                        + manifest
                        + " without a Docker-Content-Digest header."));
  }

  /**
   * Whether an insecure registry answers a TLS handshake. Asked on a bare socket with its own short
   * timeout: a plain-HTTP server waits silently for a request line, which would otherwise cost the
   * whole request timeout.
   */
  private boolean speaksTls(String registry) {
    String host = RegistryTls.host(registry);
    int port =
        registry.length() > host.length()
            ? Integer.parseInt(registry.substring(host.length() + 1))
            : 443;
    String address = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    int timeout =
        (int) (RegistryTls.isLoopback(registry) ? loopbackHandshake : REMOTE_HANDSHAKE).toMillis();
    try (var socket = (SSLSocket) RegistryTls.unverified().getSocketFactory().createSocket()) {
      socket.connect(new InetSocketAddress(address, port), timeout);
      socket.setSoTimeout(timeout);
      socket.startHandshake();
      return true;
    } catch (IOException | RuntimeException e) {
      return false; // no TLS here (or nothing at all: the plain-HTTP request then says so)
    }
  }

  private CfException unreachable(String registry, boolean insecure, IOException e) {
    String why = RegistryFailures.describe(e);
    boolean untrusted = RegistryFailures.isUntrustedCertificate(e);
    String hint =
        untrusted
            ? " Its certificate is not trusted: if it comes from a private CA, name the CA's PEM file with"
                + " <registryCaFile> / -D"
                + PropertyNames.REGISTRY_CA_FILE
                + " (or CLOUDFLARE_CONTAINER_REGISTRY_CA)."
            : " Check that the registry is running and reachable, and that <registry> / -D"
                + PropertyNames.REGISTRY
                + " (or"
                + " CLOUDFLARE_CONTAINER_REGISTRY) names it"
                + (insecure ? " (it does not answer HTTPS; tried plain HTTP)." : ".");
    return new CfException("Cannot reach the registry " + registry + ": " + why + "." + hint, e);
  }

  /** The request as built so far, with this Authorization (none when null). */
  private static HttpResponse<byte[]> send(
      HttpClient http, HttpRequest.Builder request, String authorization)
      throws IOException, InterruptedException {
    var authorized = request.copy();
    if (authorization != null) {
      authorized.header("Authorization", authorization);
    }
    return http.send(authorized.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private String token(
      String registry, HttpClient registryClient, String challenge, RegistryAuth auth)
      throws IOException, InterruptedException {
    Map<String, String> params = new LinkedHashMap<>();
    Matcher m = CHALLENGE_PARAM.matcher(challenge);
    while (m.find()) {
      params.put(m.group(1), m.group(2));
    }
    String realm = params.remove("realm");
    if (realm == null) {
      throw new CfException(
          "The registry asked for a token without naming where to get it: " + challenge);
    }
    URI realmUri = URI.create(realm);
    String realmHost = realmUri.getHost() == null ? "" : realmUri.getHost();
    if ("http".equalsIgnoreCase(realmUri.getScheme()) && !RegistryTls.isLoopback(realmHost)) {
      throw new CfException(
          "The registry "
              + registry
              + " sends for a token to "
              + realmUri.getScheme()
              + "://"
              + realmHost
              + " over plain HTTP: the credentials would travel unencrypted, so they are not sent.");
    }
    // The registry's own trust (unverified for an insecure one) covers only the registry itself.
    HttpClient http =
        realmHost.equalsIgnoreCase(RegistryTls.host(registry)) ? registryClient : verified;
    var query = new StringBuilder();
    params.forEach(
        (k, v) ->
            query
                .append(query.length() == 0 ? "?" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    var request =
        HttpRequest.newBuilder(URI.create(realm + query))
            .GET()
            .header("Authorization", "Basic " + basic(auth))
            .timeout(Duration.ofSeconds(30))
            .build();
    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new CfException(
          "The registry's token service refused the credentials (HTTP "
              + response.statusCode()
              + ").");
    }
    var json = new ObjectMapper().readTree(response.body());
    String token = json.path("token").asText(json.path("access_token").asText(""));
    if (token.isEmpty()) {
      throw new CfException("The registry's token service answered without a token.");
    }
    return token;
  }

  private static String basic(RegistryAuth auth) {
    return Base64.getEncoder()
        .encodeToString((auth.username() + ":" + auth.password()).getBytes(StandardCharsets.UTF_8));
  }
}
