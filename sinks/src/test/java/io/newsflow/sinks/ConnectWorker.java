package io.newsflow.sinks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.utils.internals.Exit;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka Connect worker in standalone mode, in this JVM: started the way {@code connect-standalone.sh}
 * starts one ({@link ConnectStandalone#startConnect}: plugin discovery, worker, standalone herder, REST
 * server), and driven through its REST API like an operator would ({@code PUT /connectors/NAME/config},
 * {@code GET /connectors/NAME/status}). Plugins are found on the test classpath. Not thread-safe.
 */
final class ConnectWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConnectWorker.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connect<?> connect;
    private final URI rest;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ConnectWorker(Connect<?> connect) {
        this.connect = connect;
        this.rest = connect.rest().advertisedUrl();
    }

    /**
     * Starts a worker with the properties of {@code workerFile} (the shipped
     * {@code connectors/connect-standalone.properties}) and {@code overrides} on top; a key overridden with
     * an empty value is removed.
     */
    static ConnectWorker start(Path workerFile, Map<String, String> overrides) throws IOException {
        Map<String, String> props = load(workerFile);
        overrides.forEach((k, v) -> {
            if (v.isEmpty()) {
                props.remove(k);
            } else {
                props.put(k, v);
            }
        });
        // ConnectStandalone calls Exit.exit when the worker cannot start; in a test that must be an
        // exception, not the end of the JVM.
        Exit.setExitProcedure((code, message) -> {
            throw new IllegalStateException("Kafka Connect worker failed to start (exit " + code + "): " + message);
        });
        try {
            Connect<?> connect = new ConnectStandalone().startConnect(props);
            ConnectWorker worker = new ConnectWorker(connect);
            log.info("Kafka Connect worker running, REST API at {}", worker.rest);
            return worker;
        } finally {
            Exit.resetExitProcedure();
        }
    }

    /** A properties file as an ordered map. */
    static Map<String, String> load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        Map<String, String> map = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> map.put(k, p.getProperty(k)));
        return map;
    }

    /** Creates or updates a connector ({@code PUT /connectors/NAME/config}); the config must hold {@code name}. */
    void putConnector(Map<String, String> config) throws IOException, InterruptedException {
        String name = config.get("name");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(rest.resolve("/connectors/" + name + "/config"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(config)))
                .timeout(Duration.ofSeconds(60))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("PUT connector " + name + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /**
     * The connector's and its tasks' states, e.g. {@code RUNNING [RUNNING]}, from
     * {@code GET /connectors/NAME/status}; a failed task's trace is included.
     */
    String status(String name) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(rest.resolve("/connectors/" + name + "/status"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return "HTTP " + response.statusCode();
        }
        JsonNode status = JSON.readTree(response.body());
        StringBuilder sb = new StringBuilder(status.path("connector").path("state").asText("?")).append(" [");
        for (JsonNode task : status.path("tasks")) {
            sb.append(task.path("state").asText("?"));
            if (task.has("trace")) {
                sb.append(": ").append(task.get("trace").asText());
            }
            sb.append(' ');
        }
        return sb.toString().strip() + "]";
    }

    @Override
    public void close() {
        connect.stop();
        connect.awaitStop();
        log.info("Kafka Connect worker stopped");
    }
}
