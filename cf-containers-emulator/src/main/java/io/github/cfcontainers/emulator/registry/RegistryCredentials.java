package io.github.cfcontainers.emulator.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cfcontainers.emulator.http.ApiException;
import io.github.cfcontainers.emulator.http.Json;
import io.github.cfcontainers.emulator.http.Request;
import io.github.cfcontainers.emulator.http.Response;
import io.github.cfcontainers.emulator.state.EmulatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Mints registry credentials as bcrypt lines in the real registry's htpasswd file, which the
 * registry re-reads when it changes. The file may be shared with other emulators (and holds the
 * admin line), so every rewrite is read-modify-write under a file lock, atomic by rename, and
 * touches only the users this emulator minted.
 */
public final class RegistryCredentials implements AutoCloseable {
  private static final Set<String> FIELDS = Set.of("expiration_minutes", "permissions");
  private static final SecureRandom RANDOM = new SecureRandom();

  record Credential(String username, Instant expiresAt, List<String> permissions) {}

  private final EmulatorConfig config;
  private final Map<String, Credential> minted = new LinkedHashMap<>();
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "cf-emulator-credential-sweeper");
            t.setDaemon(true);
            return t;
          });

  public RegistryCredentials(EmulatorConfig config) {
    this.config = config;
    sweeper.scheduleWithFixedDelay(this::sweep, 250, 250, TimeUnit.MILLISECONDS);
  }

  public Response mint(Request q) {
    String host = q.param("registry_host");
    if (config.registryHost() == null || !config.registryHost().equals(host)) {
      throw ApiException.containers(
          404, "IMAGE_REGISTRY_NOT_CONFIGURED", Json.object().put("registry_host", host));
    }
    JsonNode body = q.json();
    if (!body.isObject()) throw ApiException.invalidInput("body", "must be a JSON object");
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) throw ApiException.invalidInput(f, "unknown field");
    }
    JsonNode minutes = body.get("expiration_minutes");
    if (minutes == null
        || !minutes.canConvertToInt()
        || !minutes.isIntegralNumber()
        || minutes.asInt() < 1
        || minutes.asInt() > 1440) {
      throw ApiException.invalidInput("expiration_minutes", "required integer 1..1440");
    }
    JsonNode perms = body.get("permissions");
    List<String> permissions = new ArrayList<>();
    if (perms == null || !perms.isArray() || perms.isEmpty()) {
      throw ApiException.invalidInput(
          "permissions", "required non-empty array of \"push\" / \"pull\"");
    }
    for (JsonNode p : perms) {
      if (!p.asText().equals("push") && !p.asText().equals("pull")) {
        throw ApiException.invalidInput("permissions", "unknown permission " + p);
      }
      permissions.add(p.asText());
    }
    if (config.htpasswd() == null)
      throw new ApiException(500, 10013, "emulator has no htpasswd file configured");
    Duration ttl =
        config.credentialTtl() != null
            ? config.credentialTtl()
            : Duration.ofMinutes(minutes.asInt());
    String username = "v1-" + HexFormat.of().formatHex(bytes(6));
    String password = HexFormat.of().formatHex(bytes(24));
    String line = username + ":" + BCrypt.hashpw(password, BCrypt.gensalt(5));
    Credential credential = new Credential(username, Instant.now().plus(ttl), permissions);
    synchronized (this) {
      minted.put(username, credential);
      rewrite(lines -> lines.add(line));
    }
    ObjectNode result = Json.object();
    result.put("account_id", config.accountId()).put("registry_host", host);
    result.put("username", username).put("password", password);
    return Response.ok(result);
  }

  /** Removes the lines of expired credentials. */
  synchronized void sweep() {
    Instant now = Instant.now();
    List<String> expired = new ArrayList<>();
    minted
        .values()
        .forEach(
            c -> {
              if (!c.expiresAt().isAfter(now)) expired.add(c.username());
            });
    if (expired.isEmpty()) return;
    try {
      rewrite(lines -> lines.removeIf(l -> expired.contains(user(l))));
      expired.forEach(minted::remove);
    } catch (UncheckedIOException e) {
      System.err.println("[cf-emulator] could not sweep htpasswd: " + e.getMessage());
    }
  }

  /** Removes every line this emulator minted (reset and close). */
  public synchronized void removeAll() {
    if (minted.isEmpty()) return;
    Set<String> mine = Set.copyOf(minted.keySet());
    rewrite(lines -> lines.removeIf(l -> mine.contains(user(l))));
    minted.clear();
  }

  public synchronized ArrayNode toJson() {
    ArrayNode out = Json.array();
    for (Credential c : minted.values()) {
      ObjectNode n =
          out.addObject().put("username", c.username()).put("expires_at", c.expiresAt().toString());
      ArrayNode p = n.putArray("permissions");
      c.permissions().forEach(p::add);
    }
    return out;
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
    removeAll();
  }

  private interface Edit {
    void apply(List<String> lines);
  }

  private void rewrite(Edit edit) {
    Path file = config.htpasswd();
    Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
    try (FileChannel channel =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = channel.lock()) {
      List<String> lines =
          Files.exists(file)
              ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
              : new ArrayList<>();
      lines.removeIf(String::isBlank);
      edit.apply(lines);
      Path tmp = Files.createTempFile(file.getParent(), ".htpasswd-", ".tmp");
      Files.write(tmp, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("rewriting " + file, e);
    }
  }

  private static String user(String line) {
    int colon = line.indexOf(':');
    return colon < 0 ? line : line.substring(0, colon);
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
