package io.github.cfcontainers.config;

import java.util.Locale;
import java.util.regex.Pattern;

/** Cloudflare's and Docker's naming rules, in one place so messages and checks agree. */
public final class Names {

  /**
   * Worker script names: lower-case letters, digits, '-' and '_' (wrangler's config check,
   * isValidName in packages/workers-utils/src/config/validation-helpers.ts), at most 63 characters
   * and neither starting nor ending with '-' (checkWorkerNameValidity in
   * packages/workers-utils/src/worker-name.ts: the name is a workers.dev DNS label). wrangler's
   * config check lets a trailing '-' through; the API then refuses it.
   */
  public static final Pattern WORKER_NAME =
      Pattern.compile("[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?");

  /**
   * The API's schema only says "string" for an application name (ApplicationName in
   * packages/containers-shared/src/client/models); our names double as registry repository names,
   * so they follow the stricter Docker path-component rule: lower-case alphanumeric words joined by
   * single '-' or '_', at most 63 characters.
   */
  public static final Pattern CONTAINER_NAME = Pattern.compile("[a-z0-9]+(?:[-_][a-z0-9]+)*");

  public static final int MAX_CONTAINER_NAME = 63;

  /**
   * A JavaScript identifier (ASCII): the Durable Object class the Worker exports, and every binding
   * name in the Worker's env (containers, vars, secrets).
   */
  public static final Pattern JS_IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  /** Docker's tag grammar. */
  public static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  public static final String WORKER_NAME_RULE =
      "use 1 to 63 lower-case letters, digits, '-' or '_', not starting or ending with '-'";
  public static final String CONTAINER_NAME_RULE =
      "use at most 63 lower-case letters and digits, words joined by a single '-' or '_'";
  public static final String CLASS_NAME_RULE =
      "use the JavaScript class name exported by the Worker, e.g. MyContainer";
  public static final String TAG_RULE =
      "use up to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'";

  private Names() {}

  /** wrangler's default: {@code <worker name>-<class name>}, lower-cased. */
  public static String defaultContainerName(String workerName, String className) {
    return (workerName + "-" + className).toLowerCase(Locale.ROOT).replace('$', '_');
  }

  public static boolean isValidContainerName(String name) {
    return name.length() <= MAX_CONTAINER_NAME && CONTAINER_NAME.matcher(name).matches();
  }
}
