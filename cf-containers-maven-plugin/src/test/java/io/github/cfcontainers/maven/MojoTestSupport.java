package io.github.cfcontainers.maven;

import java.io.File;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.exception.DefaultExceptionHandler;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystemSession;
import org.w3c.dom.Element;

/** Mojos as Maven would inject them, without a container: fields set, a session with -D values. */
final class MojoTestSupport {

  /** One parameter of the generated plugin.xml that a cf.* property sets. */
  record DescriptorParameter(
      String goal, String implementation, String name, String type, String property) {
    @Override
    public String toString() {
      return goal + " <" + name + "> -D" + property;
    }
  }

  private MojoTestSupport() {}

  static MavenSession session(Properties user, Properties system, boolean offline) {
    var request = new DefaultMavenExecutionRequest();
    request.setUserProperties(user);
    request.setSystemProperties(system);
    request.setOffline(offline);
    return new MavenSession(
        null, (RepositorySystemSession) null, request, new DefaultMavenExecutionResult());
  }

  /**
   * What Maven prints after "[ERROR] Failed to execute goal ...:": its own handler appends the
   * cause messages.
   */
  static String printed(Throwable failure) {
    return new DefaultExceptionHandler().handleException(failure).getMessage();
  }

  static Properties properties(String... keyValues) {
    var properties = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      properties.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return properties;
  }

  static MavenProject project(File baseDirectory, String packaging) {
    var project = new MavenProject();
    project.setFile(new File(baseDirectory, "pom.xml"));
    project.setPackaging(packaging);
    project.setArtifactId("orders");
    return project;
  }

  static void set(Object mojo, String name, Object value) {
    try {
      Field field = field(mojo.getClass(), name);
      field.setAccessible(true);
      field.set(mojo, value);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  static Object get(Object mojo, String name) {
    try {
      Field field = field(mojo.getClass(), name);
      field.setAccessible(true);
      return field.get(mojo);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Field field(Class<?> type, String name) throws NoSuchFieldException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getName().equals(name)) {
          return f;
        }
      }
    }
    throw new NoSuchFieldException(type.getName() + "." + name);
  }

  /**
   * Every parameter of every goal whose expression is ${cf.*}, read from the descriptor
   * maven-plugin-plugin wrote.
   */
  static List<DescriptorParameter> cfParameters() throws Exception {
    try (InputStream in = MojoTestSupport.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
      if (in == null) {
        throw new AssertionError(
            "no META-INF/maven/plugin.xml on the test class path (maven-plugin-plugin:descriptor)");
      }
      var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
      var result = new ArrayList<DescriptorParameter>();
      var mojos = document.getElementsByTagName("mojo");
      for (int i = 0; i < mojos.getLength(); i++) {
        var mojo = (Element) mojos.item(i);
        String goal = text(mojo, "goal");
        String implementation = text(mojo, "implementation");
        var configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
        var children = configuration.getChildNodes();
        for (int j = 0; j < children.getLength(); j++) {
          if (children.item(j) instanceof Element parameter) {
            String expression = parameter.getTextContent().trim();
            if (expression.startsWith("${cf.")) {
              result.add(
                  new DescriptorParameter(
                      goal,
                      implementation,
                      parameter.getTagName(),
                      parameter.getAttribute("implementation"),
                      expression.substring(2, expression.length() - 1)));
            }
          }
        }
      }
      return result;
    }
  }

  private static String text(Element parent, String child) {
    var nodes = parent.getElementsByTagName(child);
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getParentNode() == parent) {
        return nodes.item(i).getTextContent().trim();
      }
    }
    throw new AssertionError("no <" + child + ">");
  }
}
