package io.github.cfcontainers.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings as a POM would have them, for tests of the resolvers: what Maven's XML classes answer,
 * without Maven. Numbers may be given as numbers; they are answered as the element's text.
 */
public final class Written {

  private Written() {}

  /** A container with the named settings ("vcpu", 2.0, "rolloutSteps", List.of(10, 100), ...). */
  public static ContainerConfig container(Object... pairs) {
    var values = new HashMap<String, Object>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], pairs[i + 1]);
    }
    return new Container(values);
  }

  /** The container settings the build reads; no application settings. */
  public static ContainerConfig container(
      String className, String name, String tag, String image, BuildConfig build) {
    var values = new HashMap<String, Object>();
    values.put("className", className);
    values.put("name", name);
    values.put("tag", tag);
    values.put("image", image);
    values.put("build", build);
    return new Container(values);
  }

  public record Build(
      String context,
      String dockerfile,
      String target,
      Map<String, String> args,
      String platform,
      Map<String, String> labels,
      Boolean noCache,
      Boolean pull)
      implements BuildConfig {
    public static final Build DEFAULTS = new Build(null, null, null, null, null, null, null, null);
  }

  public record Worker(
      String compatibilityDate,
      List<String> compatibilityFlags,
      Map<String, String> vars,
      Boolean observability,
      Boolean workersDev)
      implements WorkerConfig {}

  private record Container(Map<String, Object> values) implements ContainerConfig {

    private String text(String key) {
      Object value = values.get(key);
      return value == null ? null : value.toString();
    }

    private List<String> texts(String key) {
      Object value = values.get(key);
      if (value == null) {
        return null;
      }
      // Keeps nulls: Maven hands an empty element over as null.
      var texts = new ArrayList<String>();
      ((List<?>) value).forEach(v -> texts.add(v == null ? null : v.toString()));
      return texts;
    }

    public String className() {
      return text("className");
    }

    public String name() {
      return text("name");
    }

    public String tag() {
      return text("tag");
    }

    public String image() {
      return text("image");
    }

    public BuildConfig build() {
      return (BuildConfig) values.get("build");
    }

    public String binding() {
      return text("binding");
    }

    public String instanceType() {
      return text("instanceType");
    }

    public String vcpu() {
      return text("vcpu");
    }

    public String memoryMib() {
      return text("memoryMib");
    }

    public String diskMb() {
      return text("diskMb");
    }

    public String maxInstances() {
      return text("maxInstances");
    }

    public String schedulingPolicy() {
      return text("schedulingPolicy");
    }

    public List<String> regions() {
      return texts("regions");
    }

    public String jurisdiction() {
      return text("jurisdiction");
    }

    public List<String> tiers() {
      return texts("tiers");
    }

    public Boolean observability() {
      return (Boolean) values.get("observability");
    }

    public RolloutConfig rollout() {
      boolean any = values.keySet().stream().anyMatch(k -> k.startsWith("rollout"));
      if (!any) {
        return null;
      }
      return new RolloutConfig() {
        public String strategy() {
          return text("rolloutStrategy");
        }

        public String stepPercentage() {
          return text("rolloutStepPercentage");
        }

        public List<String> steps() {
          return texts("rolloutSteps");
        }

        public String activeGracePeriod() {
          return text("rolloutActiveGracePeriod");
        }
      };
    }

    public Boolean adopt() {
      return (Boolean) values.get("adopt");
    }

    public String renamedFrom() {
      return text("renamedFrom");
    }
  }
}
