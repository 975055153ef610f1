package io.newsflow.streams.web;

import static io.newsflow.streams.web.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schema.AlertRule;
import io.newsflow.schema.Severity;
import io.newsflow.streams.alert.InvalidRuleException;
import io.newsflow.streams.alert.RuleValidator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID_RULE = "{\"id\":\"port-strikes\",\"name\":\"Port strikes\","
            + "\"query\":\"strike* AND port\",\"owner\":\"logistics\",\"severity\":\"HIGH\",\"enabled\":true,"
            + "\"categories\":[],\"languages\":[\"en\"],\"sources\":[],\"minAbsSentiment\":null}";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AlertFeed feed = new AlertFeed(100,
            Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC));
    private final InMemoryRuleAdmin rules = new InMemoryRuleAdmin();
    private WebServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void servesThePageItsStaticFilesAndHealth() throws Exception {
        start(null);

        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("script-src 'self'"));
        assertThat(page.body()).contains("id=\"rule-form\"", "id=\"alerts\"", "static/app.js");
        assertThat(get("/static/app.js").body()).contains("EventSource");
        assertThat(get("/static/style.css").statusCode()).isEqualTo(200);
        assertThat(get("/static/../../WebServer.class").statusCode()).isEqualTo(404);
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);

        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void listsAlertsNewestFirstAsPlainJsonWithFilters() throws Exception {
        start(null);
        feed.publish(alert("ports", "a1", Severity.LOW, "logistics"));
        feed.publish(alert("ports", "a2", Severity.HIGH, "logistics"));
        feed.publish(alert("elections", "a3", Severity.CRITICAL, "politics"));

        JsonNode all = json(get("/api/alerts"), 200);
        assertThat(all).hasSize(3);
        assertThat(all.get(0).get("articleId").asText()).isEqualTo("a3");
        JsonNode first = all.get(0);
        assertThat(first.get("detectedAt").asText()).isEqualTo("2024-05-01T09:30:00Z");
        assertThat(first.get("publishedAt").asText()).isEqualTo("2024-05-01T08:00:00Z");
        assertThat(first.get("source").asText()).isEqualTo("The Harbour Courier"); // no Avro union wrapper
        assertThat(first.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(first.get("snippet").asText()).contains("[[strike]]");

        assertThat(articleIds(json(get("/api/alerts?rule=ports"), 200))).containsExactly("a2", "a1");
        assertThat(articleIds(json(get("/api/alerts?severity=high"), 200))).containsExactly("a3", "a2");
        assertThat(articleIds(json(get("/api/alerts?owner=logistics&limit=1"), 200))).containsExactly("a2");
        assertThat(json(get("/api/alerts?severity=urgent"), 400).get("error").asText()).contains("severity");
        assertThat(json(get("/api/alerts?limit=0"), 400).get("error").asText()).contains("limit");
    }

    @Test
    void sparklinesPerRule() throws Exception {
        start(null);
        feed.publish(alert("ports", "a1", Severity.LOW, null, Instant.parse("2024-05-01T09:10:00Z")));

        JsonNode lines = json(get("/api/sparklines?hours=3"), 200);
        assertThat(lines.get("ports")).hasSize(3);
        assertThat(lines.get("ports").get(1).asLong()).isEqualTo(1);
        assertThat(json(get("/api/sparklines?hours=1000"), 400).get("error").asText()).contains("hours");
    }

    @Test
    void streamDeliversOnlyMatchingAlertsPublishedAfterConnecting() throws Exception {
        start(null);
        feed.publish(alert("ports", "before", Severity.HIGH, null));

        try (SseClient sse = SseClient.open(client, uri("/api/alerts/stream?rule=ports"))) {
            assertThat(sse.status()).isEqualTo(200);
            assertThat(sse.contentType()).startsWith("text/event-stream");
            assertThat(sse.next(": connected", Duration.ofSeconds(5))).isNotNull();

            feed.publish(alert("elections", "filtered-out", Severity.CRITICAL, null));
            feed.publish(alert("ports", "after", Severity.HIGH, null));

            assertThat(sse.next("event:", Duration.ofSeconds(5))).isEqualTo("event: alert");
            String data = sse.next("data:", Duration.ofSeconds(5));
            assertThat(JSON.readTree(data.substring("data:".length())).get("articleId").asText()).isEqualTo("after");
        }
    }

    @Test
    void streamPingsAndUnsubscribesWhenTheClientGoesAway() throws Exception {
        server = WebServer.start(new WebConfig("127.0.0.1", 0, null), feed, rules, Duration.ofMillis(100));

        SseClient sse = SseClient.open(client, uri("/api/alerts/stream"));
        assertThat(sse.next(": ping", Duration.ofSeconds(5))).isNotNull();
        assertThat(feed.subscriberCount()).isEqualTo(1);

        sse.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> feed.subscriberCount() == 0);
    }

    @Test
    void createsReadsReplacesAndDeletesRules() throws Exception {
        start(null);

        HttpResponse<String> created = send("POST", "/api/rules", VALID_RULE);
        JsonNode rule = json(created, 201);
        assertThat(rule.get("id").asText()).isEqualTo("port-strikes");
        assertThat(rule.get("version").asInt()).isEqualTo(1);
        assertThat(rule.get("severity").asText()).isEqualTo("HIGH");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/rules/port-strikes");
        assertThat(json(get("/api/rules"), 200)).hasSize(1);
        assertThat(json(get("/api/rules/port-strikes"), 200).get("name").asText()).isEqualTo("Port strikes");

        // the body of a GET goes back as is, version included: the server sets the version
        String edited = JSON.readTree(get("/api/rules/port-strikes").body()).toString().replace("\"enabled\":true", "\"enabled\":false");
        JsonNode replaced = json(send("PUT", "/api/rules/port-strikes", edited), 200);
        assertThat(replaced.get("enabled").asBoolean()).isFalse();
        assertThat(replaced.get("version").asInt()).isEqualTo(2);

        assertThat(send("DELETE", "/api/rules/port-strikes", null).statusCode()).isEqualTo(204);
        assertThat(send("DELETE", "/api/rules/port-strikes", null).statusCode()).isEqualTo(404);
        assertThat(json(get("/api/rules"), 200)).isEmpty();
    }

    @Test
    void refusedRuleAnswersWithTheValidatorsMessage() throws Exception {
        start(null);
        String body = VALID_RULE.replace("strike* AND port", "*port");

        JsonNode error = json(send("POST", "/api/rules", body), 400);

        assertThat(error.get("error").asText()).isEqualTo(validatorMessage("port-strikes", "*port"))
                .contains("port-strikes", "leading wildcard");
        assertThat(rules.list()).isEmpty();
    }

    @Test
    void refusesMalformedUnknownAndOversizedBodies() throws Exception {
        start(null);

        assertThat(json(send("POST", "/api/rules", VALID_RULE.replace("\"severity\"", "\"severty\"")), 400)
                .get("error").asText()).contains("unknown field 'severty'");
        assertThat(json(send("POST", "/api/rules", "{\"id\": \"x\", "), 400).get("error").asText())
                .startsWith("malformed JSON");
        assertThat(json(send("POST", "/api/rules", "[1, 2]"), 400).get("error").asText()).contains("JSON object");
        assertThat(json(send("POST", "/api/rules", VALID_RULE.replace("\"HIGH\"", "\"URGENT\"")), 400)
                .get("error").asText()).contains("severity");
        assertThat(json(send("POST", "/api/rules", VALID_RULE.replace("\"enabled\":true", "\"enabled\":\"yes\"")), 400)
                .get("error").asText()).contains("enabled");
        assertThat(json(send("PUT", "/api/rules/other-id", VALID_RULE), 400).get("error").asText())
                .contains("differs");
        String huge = VALID_RULE.replace("Port strikes", "x".repeat(17 * 1024));
        assertThat(send("POST", "/api/rules", huge).statusCode()).isEqualTo(413);
        assertThat(rules.list()).isEmpty();
    }

    @Test
    void wrongMethodsAnswer405WithAllow() throws Exception {
        start(null);

        HttpResponse<String> patch = send("PATCH", "/api/rules", VALID_RULE);
        assertThat(patch.statusCode()).isEqualTo(405);
        assertThat(patch.headers().firstValue("Allow")).hasValue("GET, POST");
        assertThat(send("POST", "/api/alerts", "{}").statusCode()).isEqualTo(405);
        assertThat(send("DELETE", "/", null).statusCode()).isEqualTo(405);
    }

    @Test
    void tokenGuardsTheApiWhenConfigured() throws Exception {
        start("s3cret-token");

        assertThat(get("/api/alerts").statusCode()).isEqualTo(401);
        assertThat(client.send(request("/api/alerts").header("Authorization", "Bearer wrong").build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(client.send(request("/api/alerts").header("Authorization", "Bearer s3cret-token").build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(get("/api/alerts?token=s3cret-token").statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/rules", VALID_RULE).statusCode()).isEqualTo(401);
        try (SseClient sse = SseClient.open(client, uri("/api/alerts/stream?token=s3cret-token"))) {
            assertThat(sse.status()).isEqualTo(200);
        }
        // nothing secret in the page or the health check
        assertThat(get("/").statusCode()).isEqualTo(200);
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void refusesCrossOriginChangesAndForeignHostNames() throws Exception {
        start(null);

        HttpResponse<String> crossOrigin = client.send(request("/api/rules")
                .header("Origin", "https://evil.example").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(VALID_RULE)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(crossOrigin.statusCode()).isEqualTo(403);
        HttpResponse<String> sameOrigin = client.send(request("/api/rules")
                .header("Origin", "http://127.0.0.1:" + server.uri().getPort()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(VALID_RULE)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sameOrigin.statusCode()).isEqualTo(201);

        // a DNS-rebinding page reaches 127.0.0.1 under its own host name
        assertThat(rawStatusLine("GET /api/rules HTTP/1.1\r\nHost: evil.example:" + server.uri().getPort()
                + "\r\nConnection: close\r\n\r\n")).contains("403");
        assertThat(rawStatusLine("GET /api/rules HTTP/1.1\r\nHost: localhost:" + server.uri().getPort()
                + "\r\nConnection: close\r\n\r\n")).contains("200");
    }

    private void start(String token) {
        server = WebServer.start(new WebConfig("127.0.0.1", 0, token), feed, rules);
        assertThat(server.uri().toString()).startsWith("http://127.0.0.1:").endsWith("/");
    }

    private URI uri(String pathAndQuery) {
        return server.uri().resolve(pathAndQuery);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return client.send(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return client.send(request(pathAndQuery).header("Content-Type", "application/json")
                .method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, int expectedStatus) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    private static java.util.List<String> articleIds(JsonNode alerts) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        alerts.forEach(a -> ids.add(a.get("articleId").asText()));
        return ids;
    }

    private static String validatorMessage(String id, String query) {
        try {
            RuleValidator.validate(AlertRule.newBuilder().setId(id).setName("n").setQuery(query)
                    .setOwner(null).setSeverity(Severity.HIGH).setEnabled(true).setVersion(1).build());
            throw new AssertionError("expected the validator to refuse " + query);
        } catch (InvalidRuleException e) {
            return e.getMessage();
        }
    }

    private String rawStatusLine(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.uri().getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }
}
