package io.newsflow.schemas.confluent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schema.EnrichedArticle;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

/**
 * The REST client's request and response formatting, tested as pure functions: no registry runs here, and
 * these tests open no connection.
 */
class RestSchemaRegistryClientTest {

    @Test
    void registerRequestWrapsTheSchemaAsAnEscapedString() {
        assertThat(RegistryJson.registerRequest(Schema.create(Schema.Type.STRING)))
                .isEqualTo("{\"schema\":\"\\\"string\\\"\"}");
    }

    @Test
    void registerRequestRoundTripsASchemaWithAwkwardDocs() {
        Schema awkward = SchemaBuilder.record("Awkward").namespace("x").doc("quote \" backslash \\ tab \t line\nend é \u0001")
                .fields().requiredString("a").endRecord();
        for (Schema schema : List.of(awkward, EnrichedArticle.getClassSchema())) {
            String body = RegistryJson.registerRequest(schema);

            Map<String, Object> parsed = RegistryJson.object(body);

            assertThat(parsed).containsOnlyKeys("schema");
            assertThat(new Schema.Parser().parse((String) parsed.get("schema"))).isEqualTo(schema);
        }
        assertThat(RegistryJson.registerRequest(awkward)).contains("\\u0001").doesNotContain("\n").doesNotContain("\t");
    }

    @Test
    void parsesTheIdOfARegistrationResponse() {
        assertThat(RegistryJson.parseId("{\"id\":42}")).isEqualTo(42);
        assertThat(RegistryJson.parseId(" {\"version\": 3, \"id\" : 7, \"guid\": \"a-b\", \"schemaType\": \"AVRO\"} "))
                .isEqualTo(7);
        assertThatThrownBy(() -> RegistryJson.parseId("{\"version\":3}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no numeric \"id\"");
        assertThatThrownBy(() -> RegistryJson.parseId("{\"id\":1.5}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegistryJson.parseId("[42]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesTheSchemaOfAnIdLookup() {
        String body = "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"R\\\",\\\"doc\\\":\\\"caf\\u00e9\\\","
                + "\\\"fields\\\":[]}\",\"references\":[{\"name\":\"a\",\"subject\":\"b\",\"version\":1}],"
                + "\"maxId\":5,\"deleted\":false,\"nothing\":null}";

        Schema schema = new Schema.Parser().parse(RegistryJson.parseSchema(body));

        assertThat(schema.getName()).isEqualTo("R");
        assertThat(schema.getDoc()).isEqualTo("café");
        assertThatThrownBy(() -> RegistryJson.parseSchema("{\"schema\":\"syntax = 'proto3';\",\"schemaType\":\"PROTOBUF\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PROTOBUF");
    }

    @Test
    void parserHandlesEveryJsonValueAndRefusesMalformedText() {
        assertThat(RegistryJson.parse("[1, -2.5e3, true, false, null, \"s\\/\\n\", {}, []]"))
                .isEqualTo(java.util.Arrays.asList(new BigDecimal("1"), new BigDecimal("-2.5e3"), true, false, null,
                        "s/\n", Map.of(), List.of()));
        for (String bad : List.of("", "{", "{\"id\":}", "{\"id\":1,}", "{\"id\":1} x", "\"unterminated", "{'id':1}",
                "[1 2]", "\"bad \\x escape\"")) {
            assertThatThrownBy(() -> RegistryJson.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed JSON");
        }
    }

    @Test
    void errorMessageIsTheRegistrysMessageOrTheStartOfTheBody() {
        assertThat(RegistryJson.errorMessage("{\"error_code\":40401,\"message\":\"Subject 'x-value' not found.\"}"))
                .isEqualTo("Subject 'x-value' not found. (error_code 40401)");
        assertThat(RegistryJson.errorMessage("<html>\n<body>Bad gateway</body></html>"))
                .isEqualTo("<html> <body>Bad gateway</body></html>");
        assertThat(RegistryJson.errorMessage("x".repeat(1000))).hasSize(303).endsWith("...");
        assertThat(RegistryJson.errorMessage("")).isEqualTo("(no body)");
    }

    @Test
    void requestUrlsFollowTheRestApi() {
        URI base = URI.create("http://registry:8081");

        assertThat(RestSchemaRegistryClient.registerUri(base, "news.articles.raw-value"))
                .hasToString("http://registry:8081/subjects/news.articles.raw-value/versions");
        assertThat(RestSchemaRegistryClient.registerUri(base, "a b/c"))
                .hasToString("http://registry:8081/subjects/a%20b%2Fc/versions");
        assertThat(RestSchemaRegistryClient.schemaUri(base, 17)).hasToString("http://registry:8081/schemas/ids/17");
    }

    @Test
    void basicAuthHeaderAndNoCredentialsInUrlsOrText() {
        assertThat(RestSchemaRegistryClient.basicAuth("user:pass")).isEqualTo("Basic dXNlcjpwYXNz");
        assertThat(RestSchemaRegistryClient.basicAuth(null)).isNull();
        assertThat(RestSchemaRegistryClient.withoutUserInfo(URI.create("https://user:s3cr%40t@reg.example:8081/base/")))
                .hasToString("https://reg.example:8081/base");

        RestSchemaRegistryClient client =
                new RestSchemaRegistryClient("https://user:s3cret@reg.example:8081/", null, Duration.ofSeconds(5));

        assertThat(client.baseUrl()).hasToString("https://reg.example:8081");
        assertThat(client.toString()).doesNotContain("s3cret").doesNotContain("user").contains("basic auth");
    }

    @Test
    void unusableUrlsAreRefusedWithoutShowingThePassword() {
        for (String bad : List.of("ftp://user:s3cret@host/", "http://a:8081,http://b:8081", "registry:8081",
                "http://user:s3cret@host:8081/?x=1")) {
            assertThatThrownBy(() -> new RestSchemaRegistryClient(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(RestSchemaRegistryClient.URL_CONFIG)
                    .hasMessageNotContaining("s3cret");
        }
    }

    @Test
    void settingsNameTheKeyAtFault() {
        assertThatThrownBy(() -> RestSchemaRegistryClient.fromSettings(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> RestSchemaRegistryClient.fromSettings(
                Map.of("schema.registry.url", "http://r:8081", "schema.registry.timeout.ms", "soon")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema.registry.timeout.ms");
        assertThat(RestSchemaRegistryClient.fromSettings(Map.of("schema.registry.url", " http://r:8081/ ")).baseUrl())
                .hasToString("http://r:8081");
    }
}
