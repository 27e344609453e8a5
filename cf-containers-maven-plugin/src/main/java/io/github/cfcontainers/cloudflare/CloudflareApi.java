// Over 300 lines: one documented method per endpoint the goals call, sharing private helpers.
package io.github.cfcontainers.cloudflare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.cfcontainers.cloudflare.model.Application;
import io.github.cfcontainers.cloudflare.model.ApplicationCreateRequest;
import io.github.cfcontainers.cloudflare.model.ApplicationPatchRequest;
import io.github.cfcontainers.cloudflare.model.ContainerInstance;
import io.github.cfcontainers.cloudflare.model.ContainersAccount;
import io.github.cfcontainers.cloudflare.model.DurableObjectNamespace;
import io.github.cfcontainers.cloudflare.model.InstancesPage;
import io.github.cfcontainers.cloudflare.model.RegistryCredentials;
import io.github.cfcontainers.cloudflare.model.RegistryCredentialsRequest;
import io.github.cfcontainers.cloudflare.model.Rollout;
import io.github.cfcontainers.cloudflare.model.RolloutCreateRequest;
import io.github.cfcontainers.cloudflare.model.ScriptMetadata;
import io.github.cfcontainers.cloudflare.model.ScriptSettings;
import io.github.cfcontainers.cloudflare.model.ScriptSubdomain;
import io.github.cfcontainers.cloudflare.model.ScriptSummary;
import io.github.cfcontainers.cloudflare.model.ScriptUploadResult;
import io.github.cfcontainers.cloudflare.model.WorkerModule;
import io.github.cfcontainers.cloudflare.model.WorkerService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Proxy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import okhttp3.ConnectionSpec;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import retrofit2.Retrofit;

/**
 * The Cloudflare API as the deploy, plan, status, rollback and destroy goals need it, and no more:
 * Workers scripts, Durable Object namespaces, workers.dev, the container registry, container
 * applications, rollouts and instances.
 *
 * <p>Every method either returns the unwrapped {@code result} or throws {@link
 * CloudflareApiException}. Methods named {@code find…} answer {@link Optional#empty()} when the
 * thing does not exist (HTTP 404, or the API's "not found" code). Calls are retried per {@link
 * RetryPolicy} (see {@link RetryInterceptor} for what is retried). The token is never logged, put
 * in a message or shown by {@code toString}.
 *
 * <p>Thread-safe; {@link #close()} releases the HTTP connection pool.
 */
public final class CloudflareApi implements AutoCloseable {

  /** The container registry host. */
  public static final String DEFAULT_REGISTRY_HOST = "registry.cloudflare.com";

  private static final MediaType JSON = MediaType.get("application/json");
  private static final int NAMESPACES_PER_PAGE = 1000;
  private static final int MAX_PAGES = 1000;

  /** A well-formed account id for {@link #warmUp}, whose requests go to 127.0.0.1 only. */
  private static final String WARM_UP_ACCOUNT = "0".repeat(32);

  private final CloudflareClientConfig config;
  private final String accountId;
  private final OkHttpClient http;
  private final WorkersEndpoints workers;
  private final ContainersEndpoints containers;
  private final ApiCaller caller;

  public CloudflareApi(CloudflareClientConfig config) {
    this(config, false);
  }

  /**
   * @param direct no proxy, whatever the JVM's proxy settings say: for {@link LoopbackRehearsal}
   *     only, whose 127.0.0.1 must not be sent to a proxy
   */
  private CloudflareApi(CloudflareClientConfig config, boolean direct) {
    this.config = Objects.requireNonNull(config, "config");
    this.accountId = config.accountId();
    String basePath = config.baseUrl().encodedPath();
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(config.connectTimeout())
            .readTimeout(config.readTimeout())
            .writeTimeout(config.writeTimeout())
            .callTimeout(config.callTimeout())
            .retryOnConnectionFailure(false) // our RetryInterceptor decides, per method
            .followRedirects(false)
            .followSslRedirects(false)
            .proxy(direct ? Proxy.NO_PROXY : null)
            // an http:// base URL (an emulator on loopback) needs no TLS: without this OkHttp
            // loads the JDK's trust store anyway, a quarter of a second in a cold JVM
            .connectionSpecs(
                config.baseUrl().isHttps()
                    ? List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT) // the default
                    : List.of(ConnectionSpec.CLEARTEXT))
            .addInterceptor(
                new RetryInterceptor(
                    config.retryPolicy(),
                    config.sleeper(),
                    config.clock(),
                    config.random(),
                    config.listener(),
                    basePath))
            .addInterceptor(new AuthInterceptor(config.token(), config.userAgent()))
            .addInterceptor(new JsonAnswerGuard())
            .build();
    Retrofit retrofit =
        new Retrofit.Builder()
            .baseUrl(config.baseUrl())
            .client(http)
            .addConverterFactory(new EmptyBodyTolerantConverterFactory())
            .addConverterFactory(new AnswerConverterFactory())
            .build();
    this.workers = retrofit.create(WorkersEndpoints.class);
    this.containers = retrofit.create(ContainersEndpoints.class);
    this.caller = new ApiCaller(config.token(), basePath);
  }

  /**
   * Prepares what the first calls of an unchanged deploy cost a cold JVM, without sending anything
   * to the API: OkHttp (and the JDK's trust store, for an https base URL), then one rehearsal of
   * each of those reads against a stand-in on 127.0.0.1 ({@link LoopbackRehearsal}): Retrofit's
   * reading of their methods, the reading of their answers, OkHttp's call and HTTP/1.1 code, the
   * interceptors. Run ahead of a goal that calls the API, it takes that work off the goal's path;
   * the client the goal then opens finds it done.
   *
   * @param apiBaseUrl as for {@link CloudflareClientConfig.Builder#baseUrl}; a bad one fails here
   *     as it will in the goal
   * @throws UncheckedIOException when the rehearsal cannot listen on 127.0.0.1
   */
  public static void warmUp(String apiBaseUrl, Function<String, String> environment) {
    new CloudflareApi(warmUpConfig(apiBaseUrl, environment)).close();
    try (var rehearsal = new LoopbackRehearsal();
        var local = new CloudflareApi(warmUpConfig(rehearsal.baseUrl(), name -> null), true)) {
      String name = "warm-up";
      local.listScripts();
      local.getContainersAccount();
      local.listDurableObjectNamespaces();
      local.findAccountSubdomain();
      local.findService(name);
      local.findApplicationByName(name);
      local.findScriptSettings(name);
      local.getScriptSubdomain(name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // the Worker's content hash writes its metadata
    CloudflareJson.BODIES.bytes(ScriptMetadata.builder("warm-up.js", "2026-01-01").build());
  }

  private static CloudflareClientConfig warmUpConfig(
      String apiBaseUrl, Function<String, String> environment) {
    return CloudflareClientConfig.builder(WARM_UP_ACCOUNT, ApiToken.of("warm-up-not-a-secret"))
        .baseUrl(apiBaseUrl)
        .environment(environment)
        .build();
  }

  public String accountId() {
    return accountId;
  }

  /** The resolved base URL, ending with {@code /}. */
  public String baseUrl() {
    return config.baseUrl().toString();
  }

  // ------------------------------------------------------------------ Workers scripts

  /**
   * {@code PUT /accounts/{a}/workers/scripts/{name}} as {@code multipart/form-data}: a {@code
   * metadata} part ({@code application/json}) and one part per module whose field name and filename
   * are the module name and whose content type is sent exactly as given.
   */
  public ScriptUploadResult uploadScript(
      String scriptName, ScriptMetadata metadata, List<WorkerModule> modules) {
    requireSegment(scriptName, "script name");
    Objects.requireNonNull(metadata, "metadata");
    if (modules == null || modules.isEmpty()) {
      throw new IllegalArgumentException("A Worker upload needs at least one module");
    }
    Set<String> names = new HashSet<>();
    for (WorkerModule m : modules) {
      if ("metadata".equals(m.name())) {
        throw new IllegalArgumentException(
            "A module cannot be named 'metadata' (that part holds the metadata)");
      }
      if (!names.add(m.name())) {
        throw new IllegalArgumentException("Two modules are named '" + m.name() + "'");
      }
    }
    if (metadata.mainModule() != null && !names.contains(metadata.mainModule())) {
      throw new IllegalArgumentException(
          "main_module '" + metadata.mainModule() + "' is not among the uploaded modules " + names);
    }
    byte[] json;
    try {
      json = CloudflareJson.shared().writeValueAsBytes(metadata);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "The Worker metadata cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
    MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
    body.addPart(
        Headers.of("Content-Disposition", "form-data; name=\"metadata\""),
        RequestBody.create(json, JSON));
    for (WorkerModule m : modules) {
      // bytes, not a String: RequestBody.create(String, type) would append "; charset=utf-8"
      body.addPart(
          Headers.of(
              "Content-Disposition",
              "form-data; name=\"" + m.name() + "\"; filename=\"" + m.name() + "\""),
          RequestBody.create(m.contentUnsafe(), MediaType.get(m.contentType())));
    }
    return caller.result(workers.uploadScript(accountId, scriptName, body.build()));
  }

  /**
   * {@code GET /accounts/{a}/workers/services/{name}}; empty when the Worker does not exist (404 /
   * 10090).
   */
  public Optional<WorkerService> findService(String scriptName) {
    requireSegment(scriptName, "script name");
    ApiEnvelope<WorkerService> env =
        caller.envelopeOrNullIfAbsent(
            workers.getService(accountId, scriptName), CloudflareErrorCodes.SERVICE_NOT_FOUND);
    return env == null ? Optional.empty() : Optional.ofNullable(env.result());
  }

  /** {@code GET /accounts/{a}/workers/scripts}. */
  public List<ScriptSummary> listScripts() {
    return nonNull(caller.result(workers.listScripts(accountId)));
  }

  /**
   * {@code GET /accounts/{a}/workers/scripts/{name}/settings}; empty when the Worker does not
   * exist.
   */
  public Optional<ScriptSettings> findScriptSettings(String scriptName) {
    requireSegment(scriptName, "script name");
    ApiEnvelope<ScriptSettings> env =
        caller.envelopeOrNullIfAbsent(
            workers.getScriptSettings(accountId, scriptName),
            CloudflareErrorCodes.SERVICE_NOT_FOUND);
    return env == null ? Optional.empty() : Optional.ofNullable(env.result());
  }

  // ------------------------------------------------------------------ Durable Objects

  /**
   * {@code GET /accounts/{a}/workers/durable_objects/namespaces?per_page=1000}, following pages if
   * any.
   */
  public List<DurableObjectNamespace> listDurableObjectNamespaces() {
    List<DurableObjectNamespace> all = new ArrayList<>();
    for (int page = 1; page <= MAX_PAGES; page++) {
      ApiEnvelope<List<DurableObjectNamespace>> env =
          caller.envelope(
              workers.listDurableObjectNamespaces(
                  accountId, NAMESPACES_PER_PAGE, page == 1 ? null : page));
      List<DurableObjectNamespace> items = nonNull(env.result());
      all.addAll(items);
      ApiEnvelope.ResultInfo info = env.resultInfo();
      boolean more =
          info != null
              && info.totalCount() != null
              && all.size() < info.totalCount()
              && !items.isEmpty();
      if (!more) {
        break;
      }
    }
    return all;
  }

  // ------------------------------------------------------------------ workers.dev

  /**
   * {@code GET /accounts/{a}/workers/subdomain} → {@code subdomain}; empty when the account has
   * none (10007).
   */
  public Optional<String> findAccountSubdomain() {
    ApiEnvelope<JsonNode> env =
        caller.envelopeOrNullIfAbsent(
            workers.getAccountSubdomain(accountId),
            CloudflareErrorCodes.WORKERS_DEV_SUBDOMAIN_MISSING);
    if (env == null || env.result() == null) {
      return Optional.empty();
    }
    JsonNode sub = env.result().get("subdomain");
    return sub == null || sub.isNull() || sub.asText().isBlank()
        ? Optional.empty()
        : Optional.of(sub.asText());
  }

  /** {@code GET /accounts/{a}/workers/scripts/{name}/subdomain}. */
  public ScriptSubdomain getScriptSubdomain(String scriptName) {
    requireSegment(scriptName, "script name");
    return caller.result(workers.getScriptSubdomain(accountId, scriptName));
  }

  /**
   * {@code POST /accounts/{a}/workers/scripts/{name}/subdomain} with {@code
   * {"enabled":true,"previews_enabled":false}}.
   */
  public ScriptSubdomain enableScriptSubdomain(String scriptName) {
    return setScriptSubdomain(scriptName, true, false);
  }

  /**
   * {@code POST /accounts/{a}/workers/scripts/{name}/subdomain} with the given switches (the goals
   * only enable; tests also switch it off).
   */
  ScriptSubdomain setScriptSubdomain(String scriptName, boolean enabled, boolean previewsEnabled) {
    requireSegment(scriptName, "script name");
    return caller.result(
        workers.setScriptSubdomain(
            accountId, scriptName, new ScriptSubdomain(enabled, previewsEnabled)));
  }

  /** {@code https://<script>.<subdomain>.workers.dev}. */
  public static String workersDevUrl(String scriptName, String accountSubdomain) {
    return "https://" + scriptName + "." + accountSubdomain + ".workers.dev";
  }

  // ------------------------------------------------------------------ Containers

  /** {@code GET /accounts/{a}/containers/me}: the account's container limits. */
  public ContainersAccount getContainersAccount() {
    return caller.result(containers.me(accountId));
  }

  /**
   * {@code GET /accounts/{a}/containers/registries}: the domains of the image registries configured
   * for the account, or empty when the answer has a shape we cannot read. containers-shared types
   * it as an array of CustomerImageRegistry ({@code {domain, kind?, public_key?, created_at}},
   * packages/containers-shared/src/client/models/CustomerImageRegistry.ts); a bare list of domain
   * strings is read too. That schema is wrangler's generated client, not the public API reference,
   * so any other shape counts as unknown.
   */
  public Optional<List<String>> listImageRegistryDomains() {
    JsonNode result = caller.result(containers.listRegistries(accountId));
    if (result == null || !result.isArray()) {
      return Optional.empty();
    }
    var domains = new ArrayList<String>();
    for (JsonNode item : result) {
      JsonNode domain = item.isObject() ? item.get("domain") : item;
      if (domain == null || !domain.isTextual()) {
        return Optional.empty();
      }
      domains.add(domain.asText());
    }
    return Optional.of(List.copyOf(domains));
  }

  /**
   * {@code POST /accounts/{a}/containers/registries/{host}/credentials} with {@code
   * {"expiration_minutes":N,"permissions":[…]}}. The password is never logged; pass it to the
   * Docker daemon per push.
   */
  public RegistryCredentials createRegistryCredentials(
      String registryHost, int expirationMinutes, List<String> permissions) {
    requireSegment(registryHost, "registry host");
    if (expirationMinutes < 1) {
      throw new IllegalArgumentException("expiration_minutes must be at least 1");
    }
    return caller.result(
        containers.registryCredentials(
            accountId,
            registryHost,
            new RegistryCredentialsRequest(expirationMinutes, List.copyOf(permissions))));
  }

  /** Push and pull credentials for {@code registryHost}. */
  public RegistryCredentials createPushCredentials(String registryHost, int expirationMinutes) {
    return createRegistryCredentials(registryHost, expirationMinutes, List.of("push", "pull"));
  }

  /** {@code GET /accounts/{a}/containers/applications}. */
  public List<Application> listApplications() {
    return nonNull(caller.result(containers.listApplications(accountId, null)));
  }

  /** {@code GET /accounts/{a}/containers/applications?name=…}, keeping exact name matches only. */
  public Optional<Application> findApplicationByName(String name) {
    Objects.requireNonNull(name, "application name");
    return nonNull(caller.result(containers.listApplications(accountId, name))).stream()
        .filter(a -> name.equals(a.name()))
        .findFirst();
  }

  /** {@code GET /accounts/{a}/containers/applications/{id}}; empty on 404. */
  public Optional<Application> findApplication(String applicationId) {
    requireSegment(applicationId, "application id");
    ApiEnvelope<Application> env =
        caller.envelopeOrNullIfAbsent(containers.getApplication(accountId, applicationId));
    return env == null ? Optional.empty() : Optional.ofNullable(env.result());
  }

  /**
   * {@code POST /accounts/{a}/containers/applications} (not retried after it may have reached the
   * server).
   */
  public Application createApplication(ApplicationCreateRequest request) {
    Objects.requireNonNull(request, "request");
    return caller.result(containers.createApplication(accountId, request));
  }

  /** {@code PATCH /accounts/{a}/containers/applications/{id}}. */
  public Application patchApplication(String applicationId, ApplicationPatchRequest request) {
    requireSegment(applicationId, "application id");
    Objects.requireNonNull(request, "request");
    return caller.result(containers.patchApplication(accountId, applicationId, request));
  }

  /** {@code DELETE /accounts/{a}/containers/applications/{id}}; false when it did not exist. */
  public boolean deleteApplication(String applicationId) {
    requireSegment(applicationId, "application id");
    return caller.envelopeOrNullIfAbsent(containers.deleteApplication(accountId, applicationId))
        != null;
  }

  /**
   * {@code POST /accounts/{a}/containers/applications/{id}/rollouts} (not retried after it may have
   * reached the server).
   */
  public Rollout createRollout(String applicationId, RolloutCreateRequest request) {
    requireSegment(applicationId, "application id");
    Objects.requireNonNull(request, "request");
    return caller.result(containers.createRollout(accountId, applicationId, request));
  }

  /** {@code GET /accounts/{a}/containers/applications/{id}/rollouts}. */
  public List<Rollout> listRollouts(String applicationId) {
    requireSegment(applicationId, "application id");
    return nonNull(caller.result(containers.listRollouts(accountId, applicationId)));
  }

  /** {@code GET /accounts/{a}/containers/applications/{id}/rollouts/{rollout_id}}. */
  public Rollout getRollout(String applicationId, String rolloutId) {
    requireSegment(applicationId, "application id");
    requireSegment(rolloutId, "rollout id");
    return caller.result(containers.getRollout(accountId, applicationId, rolloutId));
  }

  /**
   * One page of {@code GET /accounts/{a}/containers/applications/{id}/instances-v2}; pass the
   * previous page's {@code nextPageToken} (null for the first page).
   */
  InstancesPage listInstancesPage(String applicationId, String pageToken) {
    requireSegment(applicationId, "application id");
    ApiEnvelope<JsonNode> env =
        caller.envelope(containers.listInstances(accountId, applicationId, pageToken));
    JsonNode result = env.result();
    JsonNode items = result == null ? null : result.isArray() ? result : result.get("instances");
    List<ContainerInstance> instances = new ArrayList<>();
    if (items != null && items.isArray()) {
      for (JsonNode item : items) {
        instances.add(CloudflareJson.shared().convertValue(item, ContainerInstance.class));
      }
    }
    String next = null;
    if (env.resultInfo() != null) {
      next = env.resultInfo().nextPageToken();
    }
    if ((next == null || next.isEmpty())
        && result != null
        && result.isObject()
        && result.hasNonNull("next_page_token")) {
      next = result.get("next_page_token").asText();
    }
    return new InstancesPage(List.copyOf(instances), next == null || next.isEmpty() ? null : next);
  }

  /** Every instance of an application, following {@code page_token}s. */
  public List<ContainerInstance> listInstances(String applicationId) {
    List<ContainerInstance> all = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String token = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      InstancesPage p = listInstancesPage(applicationId, token);
      all.addAll(p.instances());
      token = p.nextPageToken();
      if (token == null || !seen.add(token)) {
        break;
      }
    }
    return all;
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Override
  public String toString() {
    return "CloudflareApi[baseUrl=" + baseUrl() + ", accountId=" + accountId + "]";
  }

  // ------------------------------------------------------------------ destroy

  /**
   * {@code DELETE /accounts/{a}/workers/scripts/{name}?force=<force>}. Without force the API
   * deletes the Worker with its own Durable Object namespaces and refuses only when other Workers
   * depend on it (the schema's "Delete Worker"; wrangler's delete.ts sends force=false unless the
   * user confirms breaking them). Answers false when the Worker did not exist.
   */
  public boolean deleteScript(String scriptName, boolean force) {
    requireSegment(scriptName, "script name");
    return caller.envelopeOrNullIfAbsent(
            workers.deleteScript(accountId, scriptName, force),
            CloudflareErrorCodes.SERVICE_NOT_FOUND)
        != null;
  }

  // ------------------------------------------------------------------ status

  /**
   * The version serving the Worker: {@code GET /accounts/{a}/workers/scripts/{name}/deployments},
   * newest first (the schema: "the first deployment in the list is the latest deployment actively
   * serving traffic"), its version with the largest percentage. Empty when the Worker does not
   * exist or has no deployment.
   */
  public Optional<String> findCurrentVersionId(String scriptName) {
    requireSegment(scriptName, "script name");
    ApiEnvelope<JsonNode> env =
        caller.envelopeOrNullIfAbsent(
            workers.listDeployments(accountId, scriptName),
            CloudflareErrorCodes.SERVICE_NOT_FOUND,
            10007);
    if (env == null || env.result() == null) {
      return Optional.empty();
    }
    JsonNode latest = env.result().path("deployments").path(0);
    String best = null;
    double share = -1;
    for (JsonNode v : latest.path("versions")) {
      if (v.path("percentage").asDouble(0) > share && v.hasNonNull("version_id")) {
        share = v.path("percentage").asDouble(0);
        best = v.get("version_id").asText();
      }
    }
    return Optional.ofNullable(best);
  }

  // ------------------------------------------------------------------ helpers

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static void requireSegment(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("The " + what + " must not be empty");
    }
    if (value.contains("/")
        || value.equals(".")
        || value.equals("..")
        || value.contains("?")
        || value.contains("#")) {
      throw new IllegalArgumentException(
          "The " + what + " '" + value + "' must not contain '/', '?' or '#'");
    }
  }
}
