package ${package};

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A small HTTP service using only the JDK ({@code com.sun.net.httpserver}).
 *
 * <ul>
 *   <li>{@code PORT}: the port to listen on (default ${defaultPort}, the Container class's
 *       {@code defaultPort});</li>
 *   <li>{@code HOST}: the address to bind (default {@code 0.0.0.0}; Cloudflare reaches the
 *       container from outside, so keep it on all interfaces there);</li>
 *   <li>{@code MESSAGE}: set by the Container class ({@code envVars}), echoed by {@code /}.</li>
 * </ul>
 *
 * On SIGTERM (Cloudflare stops a sleeping or replaced instance that way) a shutdown hook stops
 * the server, letting requests in flight finish for at most {@link #STOP_SECONDS} seconds.
 *
 * {@code --train} starts the service the same way on a free loopback port, sends it requests
 * and exits through the shutdown hook: the
 * Dockerfile runs it once with {@code -XX:AOTCacheOutput} to record a JDK 25 AOT cache.
 */
public final class App {

    /** The port used when {@code PORT} is not set. */
    public static final int DEFAULT_PORT = ${defaultPort};
    /** Upper bound on the graceful stop, well inside the grace period before SIGKILL. */
    static final int STOP_SECONDS = 5;

    private final HttpServer server;
    private final ExecutorService executor;

    private App(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts the service on {@code host:port} (port 0 picks a free port). */
    public static App start(String host, int port, String message) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        String greeting = "Hello from ${artifactId}! MESSAGE: "
                + (message == null || message.isEmpty() ? "(not set)" : message);
        server.createContext("/health", exchange -> respond(exchange, 200, "ok\n"));
        server.createContext("/", exchange ->
                respond(exchange, 200, greeting + " (path " + exchange.getRequestURI().getPath() + ")\n"));
        ExecutorService executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.start();
        return new App(server, executor);
    }

    /** The port the service listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops accepting connections and waits up to {@code seconds} for exchanges in flight. */
    public void stop(int seconds) {
        server.stop(seconds);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(seconds, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        try (exchange) {
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    static int port(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("PORT out of range: " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PORT is not a number: " + value, e);
        }
    }

    /**
     * The training run's requests: the same handlers, response path and JDK code a real
     * request takes, so the AOT cache holds them loaded and linked.
     */
    private void train() throws IOException {
        for (int i = 0; i < 200; i++) {
            get(port(), i % 2 == 0 ? "/" : "/health");
        }
        System.out.println("training run: 200 requests served");
    }

    private static void get(int port, String path) throws IOException {
        HttpURLConnection connection =
                (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
        try (InputStream in = connection.getInputStream()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        if (connection.getResponseCode() != 200) {
            throw new IOException(path + " answered " + connection.getResponseCode());
        }
    }

    public static void main(String[] args) throws IOException {
        // --train takes the very same start-up path as a real start (so that everything it
        // links lands in the AOT cache), on a free loopback port, then serves itself
        // requests and exits through the shutdown hook.
        boolean train = args.length > 0 && "--train".equals(args[0]);
        String host = train ? "127.0.0.1" : System.getenv().getOrDefault("HOST", "0.0.0.0");
        int port = train ? 0 : port(System.getenv("PORT"));
        App app = start(host, port, System.getenv("MESSAGE"));
        int stopSeconds = train ? 0 : STOP_SECONDS;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping (at most " + stopSeconds + " s)");
            app.stop(stopSeconds);
        }, "shutdown"));
        System.out.println("listening on " + host + ":" + app.port());
        if (train) {
            app.train();
            System.exit(0);
        }
    }
}
