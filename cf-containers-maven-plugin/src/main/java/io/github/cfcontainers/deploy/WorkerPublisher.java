// Over 300 lines: the Worker step's plan and its apply side by side, so what the diff says and what
// the upload does cannot drift apart.
package io.github.cfcontainers.deploy;

import io.github.cfcontainers.cloudflare.CloudflareApi;
import io.github.cfcontainers.cloudflare.CloudflareApiException;
import io.github.cfcontainers.cloudflare.CloudflareErrorCodes;
import io.github.cfcontainers.cloudflare.CloudflareJson;
import io.github.cfcontainers.cloudflare.model.ContainerLink;
import io.github.cfcontainers.cloudflare.model.DurableObjectNamespace;
import io.github.cfcontainers.cloudflare.model.DurableObjectNamespaceBinding;
import io.github.cfcontainers.cloudflare.model.MigrationStep;
import io.github.cfcontainers.cloudflare.model.Migrations;
import io.github.cfcontainers.cloudflare.model.PlainTextBinding;
import io.github.cfcontainers.cloudflare.model.RenamedClass;
import io.github.cfcontainers.cloudflare.model.ScriptMetadata;
import io.github.cfcontainers.cloudflare.model.ScriptSettings;
import io.github.cfcontainers.cloudflare.model.ScriptUploadResult;
import io.github.cfcontainers.cloudflare.model.SecretTextBinding;
import io.github.cfcontainers.cloudflare.model.WorkerModule;
import io.github.cfcontainers.cloudflare.model.WorkerObservability;
import io.github.cfcontainers.cloudflare.model.WorkerService;
import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.worker.WorkerBundle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plans and performs the Worker upload: metadata with a Durable Object binding and a {@code
 * containers} link per container, migrations computed from the remote state, and a content hash
 * kept in the script's tags so an unchanged Worker is not uploaded again.
 */
final class WorkerPublisher {

  static final String HASH_TAG_PREFIX = "cf-containers-hash:";
  static final String MAIN_MODULE = WorkerBundle.MAIN_MODULE;
  static final String SOURCE_MAP = WorkerBundle.SOURCE_MAP;
  private static final Pattern VERSION_TAG = Pattern.compile("v(\\d+)");

  private final CloudflareApi api;

  WorkerPublisher(CloudflareApi api) {
    this.api = api;
  }

  /**
   * @param namespaces the account's Durable Object namespaces, as listed before the deploy
   */
  WorkerPlan plan(DeploySettings settings, List<DurableObjectNamespace> namespaces) {
    return plan(settings, namespaces, () -> api.findService(settings.worker().name()));
  }

  /**
   * @param read the Worker's service, possibly already read (one read answers both: does the Worker
   *     exist, and what is its migration tag)
   */
  WorkerPlan plan(
      DeploySettings settings,
      List<DurableObjectNamespace> namespaces,
      Supplier<Optional<WorkerService>> read) {
    WorkerSpec worker = settings.worker();
    var modules = modules(settings.workerBundleDirectory());
    var service = read.get();
    boolean exists = service.isPresent();
    Optional<String> currentTag = service.map(WorkerService::migrationTag);
    // The public schema of the list is {id, name, script, class, use_sqlite}, every field optional:
    // a class exists
    // when a namespace of this Worker names it, whatever flags (use_containers ...) the list may
    // also carry.
    Set<String> remoteClasses =
        namespaces.stream()
            .filter(ns -> worker.name().equals(ns.script()) && ns.className() != null)
            .map(DurableObjectNamespace::className)
            .collect(Collectors.toSet());
    List<String> desired = settings.containers().stream().map(c -> c.spec().className()).toList();
    // Deleting a class deletes its namespace and every object's data: only for a class the bundle
    // no longer exports
    // (the upload would be refused otherwise), never for one it still exports, and never when the
    // exports are unknown.
    Set<String> exported =
        settings.build() == null || settings.build().workerBundle() == null
            ? null
            : Set.copyOf(settings.build().workerBundle().exports());
    // A class renamed in the Worker keeps its namespace (storage, application) through
    // renamed_classes.
    List<RenamedClass> renamed =
        settings.containers().stream()
            .filter(
                c ->
                    c.renamedFrom() != null
                        && !remoteClasses.contains(c.spec().className())
                        && remoteClasses.contains(c.renamedFrom())
                        && !desired.contains(c.renamedFrom()))
            .map(c -> new RenamedClass(c.renamedFrom(), c.spec().className()))
            .toList();
    List<String> renamedTo = renamed.stream().map(RenamedClass::to).toList();
    List<String> renamedFrom = renamed.stream().map(RenamedClass::from).toList();
    List<String> created =
        desired.stream().filter(c -> !remoteClasses.contains(c) && !renamedTo.contains(c)).toList();
    List<String> deleted =
        remoteClasses.stream()
            .filter(
                c ->
                    !desired.contains(c)
                        && !renamedFrom.contains(c)
                        && exported != null
                        && !exported.contains(c))
            .sorted()
            .toList();

    // Secret values stay out of the hash (it is stored in the script's tags): their names are in
    // it, so adding or
    // removing one uploads, but a changed value alone cannot be seen remotely and uploads only when
    // asked.
    ScriptMetadata base = metadata(settings, null, null, false);
    String hash = contentHash(base, modules);
    Optional<String> remoteHash =
        exists
            ? api.findScriptSettings(worker.name()).flatMap(WorkerPublisher::hashOf)
            : Optional.empty();
    boolean migrate = !created.isEmpty() || !deleted.isEmpty() || !renamed.isEmpty();
    boolean resendSecrets = worker.uploadSecrets() && !worker.secrets().isEmpty();
    boolean upload = !exists || migrate || !remoteHash.equals(Optional.of(hash)) || resendSecrets;

    Migrations migrations = null;
    if (migrate) {
      var steps = new ArrayList<MigrationStep>();
      if (!renamed.isEmpty()) {
        steps.add(MigrationStep.renamedClasses(renamed.toArray(RenamedClass[]::new)));
      }
      if (!created.isEmpty()) {
        steps.add(MigrationStep.newSqliteClasses(created.toArray(String[]::new)));
      }
      if (!deleted.isEmpty()) {
        steps.add(MigrationStep.deletedClasses(deleted.toArray(String[]::new)));
      }
      migrations = Migrations.ofSteps(currentTag.orElse(null), nextTag(currentTag), steps);
    }
    return new WorkerPlan(
        exists,
        created,
        deleted,
        renamed.stream().map(r -> r.from() + " -> " + r.to()).toList(),
        hash,
        upload,
        metadata(
            settings, migrations, hash, worker.secrets().stream().allMatch(x -> x.value() != null)),
        modules);
  }

  /**
   * @param result the upload's answer; after a lost answer, what the re-read showed (no version id
   *     then)
   * @param recoveredFrom the failure a re-read of the Worker showed to be harmless, or null
   */
  record Uploaded(ScriptUploadResult result, String recoveredFrom) {}

  /**
   * Uploads. After an ambiguous failure - no answer (dropped connection, read timeout), a 5xx, or
   * 10079 "migration tag mismatch" (a retry of an upload whose first attempt already moved the tag)
   * - the server may have applied it: re-read the Worker and count the upload as done when it
   * carries this plan's content hash (tags, settings endpoint) and, with migrations, the new
   * migration tag (service endpoint). Otherwise fail, saying so.
   */
  Uploaded upload(String scriptName, WorkerPlan plan) {
    // The mojo resolves every secret's value before a goal that uploads; a missing one here is a
    // bug, not bad input.
    if (plan.metadata().bindings().stream()
        .anyMatch(b -> b instanceof SecretTextBinding s && s.text() == null)) {
      throw new IllegalStateException("A Worker secret has no value: the upload would remove it");
    }
    try {
      return new Uploaded(api.uploadScript(scriptName, plan.metadata(), plan.modules()), null);
    } catch (CloudflareApiException e) {
      if (!isAmbiguous(e)) {
        throw e;
      }
      Optional<String> deployedTag;
      boolean sameContent;
      try {
        sameContent =
            api.findScriptSettings(scriptName)
                .flatMap(WorkerPublisher::hashOf)
                .equals(Optional.of(plan.contentHash()));
        deployedTag =
            plan.metadata().migrations() == null
                ? Optional.empty()
                : api.findService(scriptName).map(WorkerService::migrationTag);
      } catch (CloudflareApiException reread) {
        e.addSuppressed(reread);
        throw new CfException(
            "The Worker upload of "
                + scriptName
                + " failed ("
                + e.getMessage()
                + "), and reading"
                + " the Worker back failed too, so whether it took effect is unknown. Run the deploy again: it plans"
                + " from what is deployed.",
            e);
      }
      var migrations = plan.metadata().migrations();
      boolean migrated = migrations == null || deployedTag.equals(Optional.of(migrations.newTag()));
      if (sameContent && migrated) {
        var confirmed =
            new ScriptUploadResult(
                scriptName,
                null,
                null,
                deployedTag.orElse(null),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        return new Uploaded(confirmed, e.getMessage());
      }
      if (e.hasCode(CloudflareErrorCodes.MIGRATION_TAG_MISMATCH)) {
        throw new CfException(
            "The Worker "
                + scriptName
                + " changed since this deploy planned its migration"
                + " (its migration tag is now "
                + deployedTag.orElse("none")
                + ", the plan expected "
                + (migrations == null || migrations.oldTag() == null ? "none" : migrations.oldTag())
                + "): another deploy"
                + " changed the Worker meanwhile. Nothing after the Worker was changed; run the deploy again: it plans"
                + " from the current state and converges.",
            e);
      }
      throw new CfException(
          "The Worker upload of "
              + scriptName
              + " failed ("
              + e.getMessage()
              + "); reading the"
              + " Worker back shows it did not take effect. Nothing after the Worker was changed; run the deploy again.",
          e);
    }
  }

  private static boolean isAmbiguous(CloudflareApiException e) {
    return e.kind() == CloudflareApiException.Kind.TRANSPORT
        || e.httpStatus() >= 500
        || e.hasCode(CloudflareErrorCodes.MIGRATION_TAG_MISMATCH);
  }

  /** v1, v2, ... as wrangler names them; an unfamiliar tag gets a suffix so it still changes. */
  static String nextTag(Optional<String> current) {
    if (current.isEmpty()) {
      return "v1";
    }
    Matcher m = VERSION_TAG.matcher(current.get());
    return m.matches() ? "v" + (Long.parseLong(m.group(1)) + 1) : current.get() + "-1";
  }

  /**
   * @param withSecretValues false for the content hash: the secrets by name only
   */
  private static ScriptMetadata metadata(
      DeploySettings settings, Migrations migrations, String hash, boolean withSecretValues) {
    WorkerSpec worker = settings.worker();
    var builder = ScriptMetadata.builder(MAIN_MODULE, worker.compatibilityDate().toString());
    worker.compatibilityFlags().forEach(builder::compatibilityFlag);
    for (ApplicationSpec container : settings.containers()) {
      builder.binding(
          new DurableObjectNamespaceBinding(container.binding(), container.spec().className()));
      builder.container(new ContainerLink(container.spec().name(), container.spec().className()));
    }
    worker.vars().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> builder.binding(new PlainTextBinding(e.getKey(), e.getValue())));
    // As `wrangler deploy --secrets-file`: secret_text bindings in the metadata (deploy-helpers
    // create-worker-upload-form.ts), additive to the kept ones below.
    worker.secrets().stream()
        .sorted(Comparator.comparing(WorkerSecret::name))
        .forEach(
            secret ->
                builder.binding(
                    new SecretTextBinding(
                        secret.name(), withSecretValues ? secret.value() : null)));
    // Secrets set out of band (wrangler secret put, the dashboard) survive the upload.
    builder.keepBinding("secret_text").keepBinding("secret_key");
    builder.observability(WorkerObservability.enabled(worker.observability()));
    if (migrations != null) {
      builder.migrations(migrations);
    }
    if (hash != null) {
      builder.tag(HASH_TAG_PREFIX + hash);
    }
    return builder.build();
  }

  private static Optional<String> hashOf(ScriptSettings settings) {
    return settings.tags() == null
        ? Optional.empty()
        : settings.tags().stream()
            .filter(tag -> tag.startsWith(HASH_TAG_PREFIX))
            .map(tag -> tag.substring(HASH_TAG_PREFIX.length()))
            .findFirst();
  }

  /**
   * Over the metadata (without migrations and tags, which depend on the remote state) and every
   * module.
   */
  static String contentHash(ScriptMetadata metadata, List<WorkerModule> modules) {
    try {
      var sha = MessageDigest.getInstance("SHA-256");
      sha.update(CloudflareJson.BODIES.bytes(metadata));
      for (WorkerModule module : modules) {
        sha.update(module.name().getBytes(StandardCharsets.UTF_8));
        sha.update(module.contentType().getBytes(StandardCharsets.UTF_8));
        sha.update(module.content());
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<WorkerModule> modules(Path directory) {
    Path main = directory.resolve(MAIN_MODULE);
    if (!Files.isRegularFile(main)) {
      throw new CfException(
          "No Worker bundle at "
              + main
              + ": run 'mvn package' (cf:build) with a Worker project"
              + " (worker/package.json, or <worker><directory>) before deploying.");
    }
    try {
      var modules = new ArrayList<WorkerModule>();
      modules.add(WorkerModule.esModule(MAIN_MODULE, Files.readAllBytes(main)));
      Path map = directory.resolve(SOURCE_MAP);
      if (Files.isRegularFile(map)) {
        modules.add(WorkerModule.sourceMap(SOURCE_MAP, Files.readAllBytes(map)));
      }
      return modules;
    } catch (IOException e) {
      throw new CfException(
          "Cannot read the Worker bundle in " + directory + ": " + e.getMessage(), e);
    }
  }
}
