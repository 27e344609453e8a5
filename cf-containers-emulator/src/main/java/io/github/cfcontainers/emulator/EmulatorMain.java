package io.github.cfcontainers.emulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator in the foreground until interrupted. Secrets come only from the environment:
 * the token from CLOUDFLARE_API_TOKEN (or the variable named by --token-env), the registry password
 * from the variable named by --registry-password-env.
 */
public final class EmulatorMain {
  private static final String USAGE =
      """
      usage: java -jar cf-containers-emulator-cli.jar [options]
        --port N                     listen port on 127.0.0.1 (default 0 = free port)
        --account-id HEX32           account id (default $CLOUDFLARE_ACCOUNT_ID, else a fixed test id)
        --token NAME, --token-env NAME  env var holding the valid API token (default CLOUDFLARE_API_TOKEN);
                       never the token itself
        --token-without-containers-env NAME  env var holding a token lacking the Containers permission
        --registry HOST:PORT         the registry credentials are minted for (default $CLOUDFLARE_CONTAINER_REGISTRY)
        --registry-user USER         registry admin user (manifest checks, pulls)
        --registry-password-env NAME env var holding the registry admin password
        --htpasswd FILE              the registry's htpasswd file
        --registry-ca FILE           verify the registry's TLS certificate against this PEM CA
                       (default: https unverified on loopback, http if it does not speak TLS)
        --subdomain NAME             account workers.dev subdomain (default: none, code 10007)
        --credential-ttl SECONDS     shorten minted registry credentials
        --rollout-step-delay MILLIS  time per rollout step (default 0)
        --no-containers              do not run application images on the local Docker engine
        --registry-front             serve the registry through a front that adds Cloudflare's own
                                     endpoints (_catalog?tags=true, tag delete, /v2/gc/layers)
        --worker-runtime DIR         run uploaded Workers in Miniflare from DIR/node_modules (e.g. an
                       npm install of wrangler@4.86.0; default $CF_EMULATOR_WORKER_RUNTIME); without it the
                       workers.dev stand-in forwards straight to the container (announced fallback)
      """;

  private EmulatorMain() {}

  public static void main(String[] args) throws Exception {
    CloudflareEmulator.Builder b = CloudflareEmulator.builder().runContainers(true);
    String tokenEnv = "CLOUDFLARE_API_TOKEN";
    String accountId = System.getenv("CLOUDFLARE_ACCOUNT_ID");
    String registry = System.getenv("CLOUDFLARE_CONTAINER_REGISTRY");
    String registryUser = null, registryPassword = null;
    String workerRuntime = System.getenv("CF_EMULATOR_WORKER_RUNTIME");
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--port" -> b.port(Integer.parseInt(value(args, ++i, a)));
        case "--account-id" -> accountId = value(args, ++i, a);
        case "--token-env" -> tokenEnv = envName(value(args, ++i, a));
        case "--token" -> tokenEnv = envName(value(args, ++i, a));
        case "--token-without-containers-env" -> b.tokenWithoutContainers(env(value(args, ++i, a)));
        case "--registry" -> registry = value(args, ++i, a);
        case "--registry-user" -> registryUser = value(args, ++i, a);
        case "--registry-password-env" -> registryPassword = env(value(args, ++i, a));
        case "--htpasswd" -> b.registryHtpasswd(Path.of(value(args, ++i, a)));
        case "--registry-ca" -> b.registryCa(Path.of(value(args, ++i, a)));
        case "--subdomain" -> b.workersDevSubdomain(value(args, ++i, a));
        case "--credential-ttl" ->
            b.credentialTtl(Duration.ofSeconds(Long.parseLong(value(args, ++i, a))));
        case "--rollout-step-delay" ->
            b.rolloutStepDelay(Duration.ofMillis(Long.parseLong(value(args, ++i, a))));
        case "--no-containers" -> b.runContainers(false);
        case "--registry-front" -> b.registryFront(true);
        case "--worker-runtime" -> workerRuntime = value(args, ++i, a);
        case "-h", "--help" -> {
          System.out.print(USAGE);
          return;
        }
        default -> fail("unknown option " + a + "\n" + USAGE);
      }
    }
    b.apiToken(env(tokenEnv));
    if (accountId != null && !accountId.isEmpty()) b.accountId(accountId);
    b.registry(registry).registryAdmin(registryUser, registryPassword);
    if (workerRuntime != null && !workerRuntime.isEmpty()) b.workerRuntime(Path.of(workerRuntime));
    long t0 = System.nanoTime();
    CloudflareEmulator emulator = b.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                }));
    System.err.printf("[cf-emulator] started in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    // What a user exports; the token is never printed.
    System.out.println("export CLOUDFLARE_API_BASE_URL=" + emulator.apiBaseUrl());
    System.out.println("export CLOUDFLARE_ACCOUNT_ID=" + emulator.accountId());
    // Behind --registry-front, clients reach the registry through the front's address.
    if (registry != null)
      System.out.println("export CLOUDFLARE_CONTAINER_REGISTRY=" + emulator.registryHost());
    System.out.println(
        "# admin: "
            + emulator.adminUrl()
            + "  (GET state, POST reset, GET/DELETE requests, POST/DELETE faults)");
    System.out.println(
        "# workers.dev stand-in: http://127.0.0.1:"
            + emulator.port()
            + "/__workers/<script>/<path>");
    System.out.flush();
    stopped.await();
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) fail(option + " needs a value");
    return args[i];
  }

  /** Options that name a secret take the NAME of an env var, never the secret. */
  private static String envName(String name) {
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*"))
      fail("give the NAME of an environment variable holding the token, not the token");
    return name;
  }

  private static String env(String name) {
    String v = System.getenv(name);
    if (v == null || v.isEmpty()) fail("environment variable " + name + " is not set");
    return v;
  }

  private static void fail(String message) {
    System.err.println("[cf-emulator] " + message);
    System.exit(2);
  }
}
