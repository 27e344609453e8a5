package io.github.cfcontainers.deploy;

import io.github.cfcontainers.cloudflare.model.ScriptMetadata;
import io.github.cfcontainers.cloudflare.model.WorkerModule;
import java.util.List;

/**
 * What the Worker upload would change.
 *
 * @param exists the script is already deployed
 * @param newClasses container classes the upload creates (SQLite-backed, container-enabled)
 * @param deletedClasses classes of this Worker neither configured nor exported any more: deleted
 *     with their namespace and all its data
 * @param renamedClasses "Old -> New" for classes renamed through {@code <renamedFrom>}
 * @param upload whether anything differs from what is deployed
 */
public record WorkerPlan(
    boolean exists,
    List<String> newClasses,
    List<String> deletedClasses,
    List<String> renamedClasses,
    String contentHash,
    boolean upload,
    ScriptMetadata metadata,
    List<WorkerModule> modules) {

  public WorkerPlan {
    newClasses = List.copyOf(newClasses);
    deletedClasses = List.copyOf(deletedClasses);
    renamedClasses = List.copyOf(renamedClasses);
    modules = List.copyOf(modules);
  }

  public String describe() {
    if (!upload) {
      return "no change";
    }
    if (!exists) {
      return "create (classes " + String.join(", ", newClasses) + ")";
    }
    var what = new StringBuilder("update");
    if (!newClasses.isEmpty()) {
      what.append(", new classes ").append(String.join(", ", newClasses));
    }
    if (!deletedClasses.isEmpty()) {
      what.append(", deleted classes ")
          .append(String.join(", ", deletedClasses))
          .append(" (DELETES ")
          .append(
              deletedClasses.size() == 1
                  ? "its Durable Object namespace and all the data stored in it"
                  : "their Durable Object namespaces and all the data stored in them")
          .append(")");
    }
    if (!renamedClasses.isEmpty()) {
      what.append(", renamed classes ").append(String.join(", ", renamedClasses));
    }
    if (newClasses.isEmpty() && deletedClasses.isEmpty() && renamedClasses.isEmpty()) {
      what.append(" (code or settings changed)");
    }
    return what.toString();
  }
}
