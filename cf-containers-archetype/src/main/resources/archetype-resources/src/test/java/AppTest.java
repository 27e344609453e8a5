package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AppTest {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private App app;

    @BeforeEach
    void start() throws Exception {
        // Port 0: the OS picks a free port, so tests never collide with anything running.
        app = App.start("127.0.0.1", 0, "hello from the test");
    }

    @AfterEach
    void stop() {
        app.stop(0);
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(5)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void rootAnswersWithTheMessage() throws Exception {
        HttpResponse<String> response = get("/");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("MESSAGE: hello from the test"), response.body());
    }

    @Test
    void anyPathIsServedSoWorkerRoutesReachTheService() throws Exception {
        HttpResponse<String> response = get("/instance/a/b");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("/instance/a/b"), response.body());
    }

    @Test
    void healthAnswersOk() throws Exception {
        HttpResponse<String> response = get("/health");
        assertEquals(200, response.statusCode());
        assertEquals("ok\n", response.body());
    }

    @Test
    void portDefaultsAndValidates() {
        assertEquals(App.DEFAULT_PORT, App.port(null));
        assertEquals(App.DEFAULT_PORT, App.port(" "));
        assertEquals(9000, App.port("9000"));
        assertThrows(IllegalArgumentException.class, () -> App.port("http"));
        assertThrows(IllegalArgumentException.class, () -> App.port("70000"));
    }

    @Test
    void stopIsBoundedAndReleasesThePort() throws Exception {
        int port = app.port();
        long started = System.nanoTime();
        app.stop(1);
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(3).toNanos());
        app = App.start("127.0.0.1", port, null); // the port is free again
        assertTrue(get("/").body().contains("(not set)"));
    }
}
