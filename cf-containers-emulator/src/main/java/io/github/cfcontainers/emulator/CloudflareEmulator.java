package io.github.cfcontainers.emulator;

import com.sun.net.httpserver.HttpServer;
import io.github.cfcontainers.emulator.admin.AdminApi;
import io.github.cfcontainers.emulator.containers.ApplicationValidator;
import io.github.cfcontainers.emulator.containers.ApplicationsApi;
import io.github.cfcontainers.emulator.containers.ContainerRunner;
import io.github.cfcontainers.emulator.http.Auth;
import io.github.cfcontainers.emulator.http.Faults;
import io.github.cfcontainers.emulator.http.FrontDoor;
import io.github.cfcontainers.emulator.http.Json;
import io.github.cfcontainers.emulator.http.LoopbackHttpServer;
import io.github.cfcontainers.emulator.http.RequestLog;
import io.github.cfcontainers.emulator.http.Response;
import io.github.cfcontainers.emulator.http.Router;
import io.github.cfcontainers.emulator.registry.RegistryClient;
import io.github.cfcontainers.emulator.registry.RegistryCredentials;
import io.github.cfcontainers.emulator.registry.RegistryFront;
import io.github.cfcontainers.emulator.state.EmulatorConfig;
import io.github.cfcontainers.emulator.state.EmulatorState;
import io.github.cfcontainers.emulator.workers.TrafficProxy;
import io.github.cfcontainers.emulator.workers.WorkerRuntime;
import io.github.cfcontainers.emulator.workers.WorkersApi;
import io.github.cfcontainers.emulator.workers.WorkersLifecycleApi;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

// Over 300 lines: the public Builder (the embedding API) stays nested beside the wiring it feeds.
/**
 * A strict local stand-in for the Cloudflare API a container deploy uses, on loopback. Embed it in
 * tests with {@link #builder()}, or run {@link EmulatorMain}.
 *
 * <ul>
 *   <li>API: {@link #apiBaseUrl()} ({@code http://127.0.0.1:PORT/client/v4}).
 *   <li>Admin: {@link #adminUrl()}: {@code GET state}, {@code POST reset}, {@code GET|DELETE
 *       requests}, {@code GET|POST|DELETE faults}.
 *   <li>Traffic: {@code http://127.0.0.1:PORT/__workers/<script>/<path>} stands for {@code
 *       https://<script>.<subdomain>.workers.dev/<path>}.
 * </ul>
 */
public final class CloudflareEmulator implements AutoCloseable {
  /** The account id used when none is configured. */
  public static final String DEFAULT_ACCOUNT_ID = "0123456789abcdef0123456789abcdef";

  private final EmulatorConfig config;
  private final HttpServer server;
  private final ExecutorService executor;
  private final RegistryCredentials credentials;
  private final ContainerRunner runner;
  private final WorkerRuntime workers;
  private final AdminApi admin;

  private final RegistryFront front;

  private CloudflareEmulator(EmulatorConfig config, RegistryFront front) throws IOException {
    this.config = config;
    this.front = front;
    String emulatorId =
        HexFormat.of()
            .formatHex(ByteBuffer.allocate(4).putInt(new SecureRandom().nextInt()).array());
    EmulatorState state = new EmulatorState();
    RequestLog log = new RequestLog();
    Faults faults = new Faults();
    credentials = new RegistryCredentials(config);
    runner = new ContainerRunner(config, emulatorId);
    workers = new WorkerRuntime(config, emulatorId);
    if (config.runContainers()) {
      System.err.println(
          workers.active()
              ? "[cf-emulator] workers.dev stand-in runs the uploaded Worker in Miniflare ("
                  + config.workerRuntime()
                  + ")"
              : "[cf-emulator] FALLBACK: workers.dev stand-in forwards straight to the container, the Worker does NOT run ("
                  + workers.reason()
                  + "); answers carry cf-emulator-traffic: direct");
    }
    RegistryClient registry =
        config.registryHost() == null
            ? null
            : front != null
                ? new RegistryClient(
                    front.backendHost(),
                    config.registryUser(),
                    config.registryPassword(),
                    front.backendCa())
                : new RegistryClient(
                    config.registryHost(),
                    config.registryUser(),
                    config.registryPassword(),
                    config.registryCa());
    ApplicationsApi applications =
        new ApplicationsApi(state, config, new ApplicationValidator(config, registry), runner);
    Router api = new Router();
    api.add(
        "GET",
        "/user/tokens/verify",
        Router.Access.TOKEN,
        q -> Response.ok(Json.object().put("id", "emulator-token").put("status", "active")));
    api.add(
        "GET",
        "/accounts/{account_id}/tokens/verify",
        Router.Access.ACCOUNT,
        q -> Response.ok(Json.object().put("id", "emulator-token").put("status", "active")));
    new WorkersApi(state, config).register(api);
    new WorkersLifecycleApi(state).register(api);
    applications.register(api, credentials);
    admin = new AdminApi(state, log, faults, credentials, runner, applications, workers, front);
    Router adminRouter = new Router();
    admin.register(adminRouter);
    TrafficProxy traffic = new TrafficProxy(state, config, runner, workers);

    server = LoopbackHttpServer.create(config.port(), 64);
    executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "cf-emulator-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext(
        "/",
        new FrontDoor(
            api,
            adminRouter,
            AdminApi.PREFIX,
            new Auth(config.apiToken(), config.tokenWithoutContainers(), config.accountId()),
            faults,
            log,
            TrafficProxy.PREFIX,
            traffic::forward));
    server.start();
  }

  public static Builder builder() {
    return new Builder();
  }

  public URI apiBaseUrl() {
    return URI.create(root() + FrontDoor.API_PREFIX);
  }

  public URI adminUrl() {
    return URI.create(root() + AdminApi.PREFIX);
  }

  /** Where the traffic of a deployed script arrives: the stand-in for its workers.dev URL. */
  public URI workersDevUrl(String scriptName) {
    return URI.create(root() + TrafficProxy.PREFIX + scriptName + "/");
  }

  public String accountId() {
    return config.accountId();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Clears all state, removes this emulator's containers and htpasswd lines (as POST
   * /__emulator/reset).
   */
  public void reset() {
    admin.reset();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    workers.close();
    runner.close();
    credentials.close();
    if (front != null) front.close();
  }

  /** The registry domain credentials are minted for: the front's address when there is one. */
  public String registryHost() {
    return config.registryHost();
  }

  private String root() {
    return "http://127.0.0.1:" + port();
  }

  public static final class Builder {
    private int port;
    private String accountId = DEFAULT_ACCOUNT_ID;
    private String apiToken;
    private String tokenWithoutContainers;
    private String registry;
    private String registryUser;
    private String registryPassword;
    private Path htpasswd;
    private Path registryCa;
    private String subdomain;
    private boolean runContainers;
    private Duration credentialTtl;
    private Duration rolloutStepDelay = Duration.ZERO;
    private Path workerRuntime;
    private boolean registryFront;

    private Builder() {}

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder accountId(String accountId32hex) {
      this.accountId = accountId32hex;
      return this;
    }

    public Builder apiToken(String token) {
      this.apiToken = token;
      return this;
    }

    public Builder tokenWithoutContainers(String token) {
      this.tokenWithoutContainers = token;
      return this;
    }

    public Builder registry(String hostPort) {
      this.registry = hostPort;
      return this;
    }

    public Builder registryAdmin(String user, String password) {
      this.registryUser = user;
      this.registryPassword = password;
      return this;
    }

    public Builder registryHtpasswd(Path file) {
      this.htpasswd = file;
      return this;
    }

    /**
     * Verify the registry's certificate against this PEM file (default: unverified on loopback, as
     * Docker does).
     */
    public Builder registryCa(Path pemFile) {
      this.registryCa = pemFile;
      return this;
    }

    public Builder workersDevSubdomain(String subdomain) {
      this.subdomain = subdomain;
      return this;
    }

    public Builder runContainers(boolean run) {
      this.runContainers = run;
      return this;
    }

    public Builder credentialTtl(Duration ttlOverride) {
      this.credentialTtl = ttlOverride;
      return this;
    }

    public Builder rolloutStepDelay(Duration d) {
      this.rolloutStepDelay = d == null ? Duration.ZERO : d;
      return this;
    }

    /**
     * Run uploaded Workers in the local Workers runtime: a directory whose node_modules holds
     * Miniflare (e.g. an `npm install wrangler@4.86.0`). Default none: traffic is forwarded
     * straight to the container (announced as a fallback).
     */
    public Builder workerRuntime(Path dir) {
      this.workerRuntime = dir;
      return this;
    }

    /**
     * Serve the account's registry through {@link RegistryFront} (Cloudflare-only endpoints such as
     * {@code _catalog?tags=true}, tag delete and {@code /v2/gc/layers}): the registry domain
     * becomes the front's address.
     */
    public Builder registryFront(boolean on) {
      this.registryFront = on;
      return this;
    }

    public CloudflareEmulator start() throws IOException {
      Objects.requireNonNull(apiToken, "apiToken is required");
      if (accountId == null || !accountId.matches("[0-9a-f]{32}")) {
        throw new IllegalArgumentException("accountId must be 32 lowercase hex characters");
      }
      if (runContainers && registry == null)
        throw new IllegalArgumentException("runContainers needs a registry");
      if (registryFront && registry == null)
        throw new IllegalArgumentException("registryFront needs a registry");
      RegistryFront front =
          registryFront ? new RegistryFront(registry, registryCa, accountId) : null;
      // Behind the front, the emulator itself reaches the registry through it too (plain HTTP on
      // loopback).
      String host = front == null ? registry : front.host();
      Path ca = front == null ? registryCa : null;
      try {
        return new CloudflareEmulator(
            new EmulatorConfig(
                port,
                accountId,
                apiToken,
                tokenWithoutContainers,
                host,
                registryUser,
                registryPassword,
                htpasswd,
                subdomain,
                runContainers,
                credentialTtl,
                rolloutStepDelay,
                ca,
                workerRuntime),
            front);
      } catch (IOException | RuntimeException e) {
        if (front != null) front.close();
        throw e;
      }
    }
  }
}
