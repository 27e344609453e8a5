package io.github.cfcontainers.cloudflare;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Everything {@link CloudflareApi} needs. Build with {@link #builder(String, ApiToken)}.
 *
 * <p>Base URL: the explicit {@link Builder#baseUrl(String)}, else the environment variable {@value
 * #BASE_URL_ENV} (looked up through {@link Builder#environment(Function)}, {@link System#getenv} by
 * default), else {@value #DEFAULT_BASE_URL}.
 */
public final class CloudflareClientConfig {

  public static final String DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4";
  public static final String BASE_URL_ENV = "CLOUDFLARE_API_BASE_URL";

  private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9a-f]{32}");

  private final HttpUrl baseUrl;
  private final String accountId;
  private final ApiToken token;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration writeTimeout;
  private final Duration callTimeout;
  private final RetryPolicy retryPolicy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final DoubleSupplier random;
  private final ApiCallListener listener;
  private final String userAgent;

  private CloudflareClientConfig(Builder b) {
    this.accountId = requireAccountId(b.accountId);
    this.token = Objects.requireNonNull(b.token, "API token");
    this.baseUrl = resolveBaseUrl(b.baseUrl, b.environment);
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.writeTimeout = b.writeTimeout;
    this.callTimeout = b.callTimeout;
    this.retryPolicy = b.retryPolicy;
    this.sleeper = b.sleeper;
    this.clock = b.clock;
    this.random = b.random;
    this.listener = b.listener;
    this.userAgent = b.userAgent;
  }

  public static Builder builder(String accountId, ApiToken token) {
    return new Builder(accountId, token);
  }

  /**
   * Whether this is a Cloudflare account id: 32 lowercase hex characters (the one home of that
   * check; the plugin's credential resolver and image paths ask here).
   */
  public static boolean isAccountId(String value) {
    return value != null && ACCOUNT_ID.matcher(value).matches();
  }

  /** Checks a Cloudflare account id ({@link #isAccountId}). The message never echoes the value. */
  public static String requireAccountId(String accountId) {
    if (!isAccountId(accountId)) {
      throw new IllegalArgumentException(
          "The Cloudflare account id must be 32 lowercase hexadecimal "
              + "characters (the id in the dashboard URL, or CLOUDFLARE_ACCOUNT_ID); got "
              + (accountId == null
                  ? "none"
                  : accountId.length() + " characters that do not match"));
    }
    return accountId;
  }

  /**
   * Explicit, else {@value #BASE_URL_ENV}, else the default; always ends with {@code /}.
   *
   * @throws InvalidBaseUrlException when the chosen URL is not http(s) or carries credentials, a
   *     query or a fragment
   */
  public static HttpUrl resolveBaseUrl(String explicit, Function<String, String> environment) {
    String chosen = explicit;
    String source = "the configured base URL";
    if (chosen == null || chosen.isBlank()) {
      chosen = environment == null ? null : environment.apply(BASE_URL_ENV);
      source = "the environment variable " + BASE_URL_ENV;
    }
    if (chosen == null || chosen.isBlank()) {
      chosen = DEFAULT_BASE_URL;
      source = "the default base URL";
    }
    chosen = chosen.trim();
    HttpUrl url = HttpUrl.parse(chosen.endsWith("/") ? chosen : chosen + "/");
    if (url == null) {
      throw new InvalidBaseUrlException(
          "Invalid Cloudflare API base URL from "
              + source
              + ": it must be an http:// or https:// URL.");
    }
    if (url.query() != null
        || url.fragment() != null
        || !url.username().isEmpty()
        || !url.password().isEmpty()) {
      throw new InvalidBaseUrlException(
          "Invalid Cloudflare API base URL from "
              + source
              + ": it must not carry credentials, a query or a fragment.");
    }
    return url;
  }

  public HttpUrl baseUrl() {
    return baseUrl;
  }

  public String accountId() {
    return accountId;
  }

  ApiToken token() {
    return token;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration readTimeout() {
    return readTimeout;
  }

  public Duration writeTimeout() {
    return writeTimeout;
  }

  public Duration callTimeout() {
    return callTimeout;
  }

  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  Sleeper sleeper() {
    return sleeper;
  }

  Clock clock() {
    return clock;
  }

  DoubleSupplier random() {
    return random;
  }

  ApiCallListener listener() {
    return listener;
  }

  public String userAgent() {
    return userAgent;
  }

  @Override
  public String toString() {
    return "CloudflareClientConfig[baseUrl="
        + baseUrl
        + ", accountId="
        + accountId
        + ", token="
        + token
        + ", retryPolicy="
        + retryPolicy
        + "]";
  }

  /** Builder; every setting has a default except account id and token. */
  public static final class Builder {
    private final String accountId;
    private final ApiToken token;
    private String baseUrl;
    private Function<String, String> environment = System::getenv;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private Duration writeTimeout = Duration.ofSeconds(120);
    private Duration callTimeout = Duration.ZERO;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Clock clock = Clock.systemUTC();
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private ApiCallListener listener = ApiCallListener.NONE;
    private String userAgent = "cf-containers-maven-plugin";

    private Builder(String accountId, ApiToken token) {
      this.accountId = accountId;
      this.token = token;
    }

    /** Explicit base URL (e.g. {@code http://127.0.0.1:8787/client/v4}); null/blank falls back. */
    public Builder baseUrl(String value) {
      this.baseUrl = value;
      return this;
    }

    /**
     * Where {@value CloudflareClientConfig#BASE_URL_ENV} is looked up (tests pass a map's {@code
     * get}).
     */
    public Builder environment(Function<String, String> value) {
      this.environment = value;
      return this;
    }

    public Builder connectTimeout(Duration value) {
      this.connectTimeout = nonNegative(value, "connectTimeout");
      return this;
    }

    public Builder readTimeout(Duration value) {
      this.readTimeout = nonNegative(value, "readTimeout");
      return this;
    }

    public Builder writeTimeout(Duration value) {
      this.writeTimeout = nonNegative(value, "writeTimeout");
      return this;
    }

    /**
     * Whole-call timeout (0 = none, the default). It covers retries and their waits too, so keep it
     * well above {@link RetryPolicy#maxRetryAfter()} if set.
     */
    public Builder callTimeout(Duration value) {
      this.callTimeout = nonNegative(value, "callTimeout");
      return this;
    }

    public Builder retryPolicy(RetryPolicy value) {
      this.retryPolicy = Objects.requireNonNull(value);
      return this;
    }

    public Builder sleeper(Sleeper value) {
      this.sleeper = Objects.requireNonNull(value);
      return this;
    }

    /** The clock used to read an HTTP-date {@code Retry-After}. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value);
      return this;
    }

    /** Source of uniform values in [0,1) for the jitter. */
    public Builder random(DoubleSupplier value) {
      this.random = Objects.requireNonNull(value);
      return this;
    }

    public Builder listener(ApiCallListener value) {
      this.listener = Objects.requireNonNull(value);
      return this;
    }

    public Builder userAgent(String value) {
      this.userAgent = Objects.requireNonNull(value);
      return this;
    }

    public CloudflareClientConfig build() {
      return new CloudflareClientConfig(this);
    }

    private static Duration nonNegative(Duration d, String what) {
      Objects.requireNonNull(d, what);
      if (d.isNegative()) {
        throw new IllegalArgumentException(what + " must not be negative");
      }
      return d;
    }
  }
}
