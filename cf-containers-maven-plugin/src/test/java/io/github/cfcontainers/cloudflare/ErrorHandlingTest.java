package io.github.cfcontainers.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;

class ErrorHandlingTest extends ApiTestSupport {

  private CloudflareApiException failure(Runnable call) {
    CloudflareApiException e = catchThrowableOfType(CloudflareApiException.class, call::run);
    assertThat(e).as("a CloudflareApiException").isNotNull();
    assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("?");
    return e;
  }

  @Test
  void envelopeErrorsCarryStatusCodesAndMessages() {
    enqueue(
        json(
            400,
            """
        {"success":false,"errors":[
           {"code":10021,"message":"Uncaught SyntaxError: Unexpected token","documentation_url":"https://developers.cloudflare.com/x"},
           {"code":10079,"message":"migration tag precondition failed"}],
         "messages":[],"result":null}
        """));
    CloudflareApiException e = failure(() -> api.listScripts());
    assertThat(e.kind()).isEqualTo(CloudflareApiException.Kind.API_ERROR);
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.method()).isEqualTo("GET");
    assertThat(e.path()).isEqualTo("/accounts/" + ACCOUNT + "/workers/scripts");
    assertThat(e.codes()).containsExactly(10021, 10079);
    assertThat(e.hasCode(10079)).isTrue();
    assertThat(e.hasCode(10000)).isFalse();
    assertThat(e.messages())
        .containsExactly(
            "Uncaught SyntaxError: Unexpected token", "migration tag precondition failed");
    assertThat(e.errors().get(0).documentationUrl())
        .isEqualTo("https://developers.cloudflare.com/x");
    assertThat(e.errorName()).isNull();
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.getMessage())
        .startsWith(
            "Cloudflare API call GET /accounts/"
                + ACCOUNT
                + "/workers/scripts failed with HTTP 400: ")
        .contains("Uncaught SyntaxError: Unexpected token [code 10021]")
        .contains("migration tag precondition failed [code 10079]")
        .contains("Hint: the migration old_tag does not match");
  }

  @Test
  void containersJsonInMessageIsParsed() {
    enqueue(
        error(
            400,
            1000,
            "{\"error\":\"DURABLE_OBJECT_ALREADY_HAS_APPLICATION\","
                + "\"details\":{\"name\":\"other-app\",\"id\":\"a9a9a9a9-0000-4000-8000-000000000009\"}}"));
    CloudflareApiException e = failure(() -> api.createApplication(createRequest()));
    assertThat(e.errorName()).isEqualTo("DURABLE_OBJECT_ALREADY_HAS_APPLICATION");
    assertThat(e.hasErrorName("DURABLE_OBJECT_ALREADY_HAS_APPLICATION")).isTrue();
    assertThat(e.detail())
        .hasValueSatisfying(
            d ->
                assertThat(d.details())
                    .containsEntry("name", "other-app")
                    .containsEntry("id", "a9a9a9a9-0000-4000-8000-000000000009"));
    assertThat(e.getMessage())
        .contains("POST /accounts/" + ACCOUNT + "/containers/applications failed with HTTP 400")
        .contains(
            "DURABLE_OBJECT_ALREADY_HAS_APPLICATION (name: other-app, id: a9a9a9a9-0000-4000-8000-000000000009) [code 1000]")
        .contains(
            "Hint: another container application already serves this Durable Object namespace");
  }

  @Test
  void bareContainersErrorBodyWithoutEnvelope() {
    enqueue(
        json(
            400,
            "{\"error\":\"VALIDATE_INPUT\",\"details\":{\"configuration.image\":\"is required\","
                + "\"limits\":{\"max\":4}}}"));
    CloudflareApiException e = failure(() -> api.listApplications());
    assertThat(e.errorName()).isEqualTo("VALIDATE_INPUT");
    assertThat(e.detail().orElseThrow().details())
        .containsEntry("configuration.image", "is required")
        .containsEntry("limits", "{\"max\":4}");
    assertThat(e.getMessage())
        .contains("VALIDATE_INPUT (configuration.image: is required, limits: {\"max\":4})");
  }

  @Test
  void authenticationErrorExplainsPermissions() {
    enqueue(error(403, 10000, "Authentication error"));
    CloudflareApiException e = failure(() -> api.getContainersAccount());
    assertThat(e.isAuthenticationError()).isTrue();
    assertThat(e.hasCode(CloudflareErrorCodes.AUTHENTICATION)).isTrue();
    assertThat(e.getMessage())
        .contains("HTTP 403: Authentication error [code 10000]")
        .contains("Hint: check that the API token is valid")
        .contains("Containers: Edit");
    assertThat(server.getRequestCount()).as("403 is not retried").isEqualTo(1);
  }

  @Test
  void successFalseInA200IsAnError() {
    enqueue(
        json(
            200,
            "{\"success\":false,\"errors\":[{\"code\":7003,\"message\":\"No route for that URI\"}],"
                + "\"messages\":[],\"result\":null}"));
    CloudflareApiException e = failure(() -> api.listScripts());
    assertThat(e.httpStatus()).isEqualTo(200);
    assertThat(e.hasCode(CloudflareErrorCodes.NO_ROUTE)).isTrue();
  }

  @Test
  void wafChallengeIsExplained() {
    enqueue(
        new MockResponse()
            .setResponseCode(403)
            .setHeader("cf-mitigated", "challenge")
            .setHeader("Content-Type", "text/html; charset=UTF-8")
            .setBody(
                "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>…</body></html>"));
    CloudflareApiException e = failure(() -> api.listScripts());
    assertThat(e.kind()).isEqualTo(CloudflareApiException.Kind.NON_JSON_ANSWER);
    assertThat(e.httpStatus()).isEqualTo(403);
    assertThat(e.errors()).isEmpty();
    assertThat(e.getMessage())
        .contains("HTTP 403 with an answer that is not JSON")
        .contains("security challenge (cf-mitigated: challenge)")
        .contains("cannot solve a challenge");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void htmlBadGatewayIsRetriedThenExplained() {
    useClient(config(RetryPolicy.DEFAULT.withMaxAttempts(2)));
    MockResponse html =
        new MockResponse()
            .setResponseCode(502)
            .setHeader("Content-Type", "text/html")
            .setBody(
                "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>"
                    + "<p>nginx</p></body></html>");
    enqueue(html, html);
    CloudflareApiException e = failure(() -> api.listApplications());
    assertThat(e.kind()).isEqualTo(CloudflareApiException.Kind.NON_JSON_ANSWER);
    assertThat(e.httpStatus()).isEqualTo(502);
    assertThat(e.attempts()).isEqualTo(2);
    assertThat(e.getMessage())
        .contains("HTTP 502 with an answer that is not JSON (content type text/html)")
        .contains("answer starts with: \"502 Bad Gateway 502 Bad Gateway nginx\"")
        .contains("Gave up after 2 attempts.");
  }

  @Test
  void htmlWithStatus200IsNotParsedAsJson() {
    enqueue(
        new MockResponse()
            .setResponseCode(200)
            .setHeader("Content-Type", "text/html")
            .setBody("<html><body>Welcome to nginx!</body></html>"));
    CloudflareApiException e = failure(() -> api.listScripts());
    assertThat(e.kind()).isEqualTo(CloudflareApiException.Kind.NON_JSON_ANSWER);
    assertThat(e.httpStatus()).isEqualTo(200);
    assertThat(e.getMessage()).contains("base URL is wrong").contains("Welcome to nginx!");
  }

  @Test
  void notFoundHtmlIsNotMistakenForAbsence() {
    enqueue(
        new MockResponse()
            .setResponseCode(404)
            .setHeader("Content-Type", "text/html")
            .setBody("<h1>Not Found</h1>"));
    CloudflareApiException e = failure(() -> api.findService("w"));
    assertThat(e.kind()).isEqualTo(CloudflareApiException.Kind.NON_JSON_ANSWER);
  }

  @Test
  void noRoute404IsNotMistakenForAbsence() {
    // 7003 is "no route" (wrong base URL or path), not "the Worker does not exist" (10090)
    enqueue(error(404, 7003, "No route for that URI"));
    CloudflareApiException e = failure(() -> api.findService("w"));
    assertThat(e.hasCode(CloudflareErrorCodes.NO_ROUTE)).isTrue();
    enqueue(error(404, 7003, "no route"));
    assertThat(failure(() -> api.deleteApplication("a1")).httpStatus()).isEqualTo(404);
  }

  @Test
  void jsonOfTheWrongShape() {
    enqueue(ok("{\"not\":\"a list\"}"));
    CloudflareApiException e = failure(() -> api.listScripts());
    assertThat(e.kind()).isEqualTo(CloudflareApiException.Kind.UNEXPECTED_ANSWER);
    assertThat(e.getMessage()).contains("unexpected shape");
  }

  @Test
  void errorWithoutDetails() {
    enqueue(
        new MockResponse()
            .setResponseCode(500)
            .setHeader("Content-Type", "application/json")
            .setBody("{}"));
    useClient(config(RetryPolicy.NONE));
    enqueue();
    CloudflareApiException e = failure(() -> api.listScripts());
    assertThat(e.getMessage()).contains("HTTP 500 (no error details in the answer)");
  }

  @Test
  void stringCodesAndOddErrorsAreReadLeniently() {
    enqueue(
        json(
            400,
            "{\"success\":false,\"errors\":[{\"code\":\"10090\",\"message\":\"x\"},\"plain\"]}"));
    CloudflareApiException e = failure(() -> api.listScripts());
    assertThat(e.codes()).containsExactly(10090, 0);
    assertThat(e.messages()).isEqualTo(List.of("x", "plain"));
  }
}
