package io.github.cfcontainers.operate;

import java.util.ArrayList;
import java.util.List;

/**
 * What a destroy deletes, in order: the applications first, then the Worker.
 *
 * @param applications this Worker's applications that exist now
 * @param absentApplications configured container names with no application of this Worker: already
 *     done
 * @param workerExists whether the Worker script exists now
 * @param namespaces this Worker's Durable Object namespaces, deleted with the Worker ("class (id)")
 * @param spared applications with a configured name that serve another Worker: never touched
 */
public record DestroyPlan(
    String workerName,
    List<Target> applications,
    List<String> absentApplications,
    boolean workerExists,
    List<String> namespaces,
    List<Target> spared) {

  /**
   * @param why how the application was found to be this Worker's
   */
  public record Target(String name, String id, String why) {}

  public DestroyPlan {
    applications = List.copyOf(applications);
    absentApplications = List.copyOf(absentApplications);
    namespaces = List.copyOf(namespaces);
    spared = List.copyOf(spared);
  }

  public boolean nothingToDo() {
    return applications.isEmpty() && !workerExists;
  }

  /** One line per resource, as printed before anything is deleted. */
  public List<String> describe() {
    var lines = new ArrayList<String>();
    for (var app : applications) {
      lines.add("Application " + app.name() + " (" + app.id() + "): delete (" + app.why() + ")");
    }
    for (var name : absentApplications) {
      lines.add("Application " + name + ": already absent");
    }
    for (var app : spared) {
      lines.add("Application " + app.name() + " (" + app.id() + "): kept, " + app.why());
    }
    lines.add(
        "Worker "
            + workerName
            + ": "
            + (workerExists
                ? "delete"
                    + (namespaces.isEmpty()
                        ? ""
                        : ", with its Durable Object namespace(s) " + String.join(", ", namespaces))
                : "already absent"));
    return lines;
  }
}
