package io.github.cfcontainers.worker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The result of bundling a Worker: what the Workers upload needs.
 *
 * @param mainModule the name of the entry module ({@code worker.js}), the upload's {@code
 *     main_module}
 * @param modules the modules, main module first (today exactly one ES module)
 * @param sourceMap the source map ({@code worker.js.map}), if esbuild produced one
 * @param sha256 lowercase hex SHA-256 over the name and bytes of every part ({@link #parts()})
 * @param exports the names exported by the main module, e.g. {@code default}, {@code MyContainer}
 */
public record WorkerBundle(
    String mainModule,
    List<BundleFile> modules,
    Optional<BundleFile> sourceMap,
    String sha256,
    Set<String> exports) {

  /** File name of the main module in the output directory and in the upload. */
  public static final String MAIN_MODULE = "worker.js";

  /** File name of the source map next to it. */
  public static final String SOURCE_MAP = MAIN_MODULE + ".map";

  /** File name of esbuild's metafile in the output directory (not uploaded). */
  public static final String METAFILE = "worker.meta.json";

  public WorkerBundle {
    Objects.requireNonNull(mainModule, "mainModule");
    modules = List.copyOf(modules);
    Objects.requireNonNull(sourceMap, "sourceMap");
    Objects.requireNonNull(sha256, "sha256");
    SortedSet<String> sorted = new TreeSet<>(exports);
    exports = Collections.unmodifiableSortedSet(sorted);
    if (modules.isEmpty() || !modules.get(0).name().equals(mainModule)) {
      throw new IllegalArgumentException("the first module must be the main module " + mainModule);
    }
  }

  /** The main module. */
  public BundleFile main() {
    return modules.get(0);
  }

  /** Every part to upload: the modules, then the source map if any. */
  public List<BundleFile> parts() {
    List<BundleFile> parts = new ArrayList<>(modules);
    sourceMap.ifPresent(parts::add);
    return List.copyOf(parts);
  }

  /** Whether the main module exports {@code name} (e.g. a container class). */
  public boolean exportsName(String name) {
    return exports.contains(name);
  }
}
