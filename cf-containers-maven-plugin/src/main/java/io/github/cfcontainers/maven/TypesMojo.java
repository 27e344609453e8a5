package io.github.cfcontainers.maven;

import io.github.cfcontainers.common.PropertyNames;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.deploy.ResolvedProject;
import io.github.cfcontainers.types.EnvDeclaration;
import io.github.cfcontainers.types.TypesService;
import java.io.File;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the TypeScript declaration of the Worker's {@code Env} from the POM, as {@code wrangler
 * types} does from a wrangler config: each container's {@code <binding>} as {@code
 * DurableObjectNamespace<ClassName>} (the class imported, type-only, from the Worker's entry
 * module) and each {@code <worker><vars>} name as {@code string}. The Worker's code imports {@code
 * Env} from it, so a binding renamed in the POM fails {@code tsc} (and editors) rather than
 * production.
 *
 * <p>The file goes next to the entry module as {@code env.d.ts} unless {@code <typesFile>} says
 * otherwise, and is rewritten only when its content changes. Bound to {@code generate-sources} in
 * the archetype.
 */
@Mojo(name = "types", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class TypesMojo extends AbstractCfMojo {

  /**
   * The declaration file; default {@code env.d.ts} in the directory of the Worker's entry module.
   */
  @Parameter(property = PropertyNames.TYPES_FILE)
  private File typesFile;

  /** Skips this goal only. */
  @Parameter(property = PropertyNames.TYPES_SKIP, defaultValue = "false")
  private boolean skipTypes;

  public TypesMojo() {
    super("cf:types", PropertyNames.TYPES_SKIP);
  }

  @Override
  protected boolean isGoalSkipped() {
    return skipTypes;
  }

  @Override
  protected void run(Reporter reporter) {
    var base = project.getBasedir().toPath();
    var source = WorkerBundling.source(worker, base, outputDirectory.toPath(), true);
    if (source.isEmpty()) {
      reporter.info(
          "No Worker project (no <worker> and no worker/package.json): no types to write");
      return;
    }
    var resolved =
        ResolvedProject.resolve(
            base,
            workerName,
            configuredContainers(),
            worker,
            declaredSecrets(),
            false,
            Clock.systemUTC());
    var deployment = resolved.worker();
    var containers = resolved.containers();
    Set<String> vars = deployment.vars().keySet();
    Set<String> secrets =
        deployment.secrets().stream().map(s -> s.name()).collect(Collectors.toSet());
    var entry = source.get().projectDirectory().resolve(source.get().entryPoint());
    var file = typesFile != null ? typesFile.toPath() : entry.resolveSibling("env.d.ts");
    var declaration =
        new EnvDeclaration(
            TypesService.importPath(file, entry),
            containers.stream()
                .map(c -> new EnvDeclaration.Namespace(c.binding(), c.spec().className()))
                .toList(),
            vars,
            secrets);
    new TypesService(reporter).write(file, declaration);
  }
}
