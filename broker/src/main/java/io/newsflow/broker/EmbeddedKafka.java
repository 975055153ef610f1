package io.newsflow.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller roles) running in this JVM.
 * Its data lives under a folder of the caller's choosing, so a restart on the same folder keeps what
 * was ingested. Replication factors and min ISR of internal topics are 1. Used by {@code newsflow run},
 * {@code newsflow broker} and the integration tests ({@link #shared()}). Listens on 127.0.0.1 only.
 *
 * <p>Thread-safety: start and close from one thread; {@link #bootstrapServers()} from any.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER = "CONTROLLER";
    private static EmbeddedKafka shared;

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path dataDir;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, Path dataDir) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
    }

    /**
     * Formats {@code dataDir} if it is new, starts the broker and waits until it answers.
     *
     * @param dataDir folder for the log and metadata (created if missing; reused if formatted before)
     * @param port client port on 127.0.0.1, or 0 for a free one
     * @param overrides extra broker properties (e.g. listener security), applied last
     */
    public static EmbeddedKafka start(Path dataDir, int port, Map<String, String> overrides) {
        return start(dataDir, port, overrides, null);
    }

    /**
     * A user the broker knows from its first start, for SASL/SCRAM-SHA-256.
     *
     * @param name user name
     * @param password the user's password; never logged
     */
    public record ScramUser(String name, String password) {
        @Override
        public String toString() {
            return "ScramUser[name=" + name + ", password=(hidden)]";
        }

        /** The {@code sasl.jaas.config} value a client of this user sets. */
        public String jaasConfig() {
            return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + name
                    + "\" password=\"" + password + "\";";
        }

        /** Client properties that authenticate as this user over SASL_PLAINTEXT. */
        public Map<String, String> clientProperties() {
            return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "SCRAM-SHA-256",
                    "sasl.jaas.config", jaasConfig());
        }
    }

    /**
     * Starts a broker whose only client listener requires SASL/SCRAM-SHA-256: connections without
     * valid credentials are refused. The user's credentials are written at format time, so the data
     * folder must be new.
     */
    public static EmbeddedKafka startWithScram(Path dataDir, int port, ScramUser user) {
        Map<String, String> sasl = new java.util.HashMap<>();
        sasl.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        sasl.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        sasl.put("sasl.enabled.mechanisms", "SCRAM-SHA-256");
        sasl.put("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-256");
        sasl.put("listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config", user.jaasConfig());
        return start(dataDir, port, sasl, user);
    }

    private static EmbeddedKafka start(Path dataDir, int port, Map<String, String> overrides, ScramUser scram) {
        try {
            Files.createDirectories(dataDir);
            Path logDir = dataDir.resolve("kraft-combined-logs");
            int clientPort = port == 0 ? freePort() : port;
            int controllerPort = freePort();
            Properties props = brokerProperties(logDir, clientPort, controllerPort);
            if (scram != null) {
                props.put("listeners", "SASL_PLAINTEXT://127.0.0.1:" + clientPort + "," + CONTROLLER + "://127.0.0.1:"
                        + controllerPort);
                props.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + clientPort);
            }
            overrides.forEach(props::put);
            format(logDir, scram);
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
            server.startup();
            String bootstrap = "127.0.0.1:" + clientPort;
            EmbeddedKafka kafka = new EmbeddedKafka(server, bootstrap, dataDir);
            kafka.awaitReady(Duration.ofSeconds(60), scram == null ? Map.of() : scram.clientProperties());
            log.info("Embedded Kafka broker ready at {} (data in {})", bootstrap, dataDir.toAbsolutePath());
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare broker data folder " + dataDir, e);
        }
    }

    /** Starts a broker on a free port with default settings. */
    public static EmbeddedKafka start(Path dataDir) {
        return start(dataDir, 0, Map.of());
    }

    /**
     * One broker per JVM in a temporary folder, started on first use and stopped at JVM exit. Tests
     * share it and keep apart by using a unique topic prefix each.
     */
    public static synchronized EmbeddedKafka shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("newsflow-kafka-");
                shared = start(dir);
                EmbeddedKafka instance = shared;
                Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "embedded-kafka-shutdown"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** {@code host:port} for clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The folder holding the broker's data. */
    public Path dataDir() {
        return dataDir;
    }

    /** Stops the broker and waits for it; the data folder is kept. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        log.info("Embedded Kafka broker at {} stopped", bootstrapServers);
    }

    static Properties brokerProperties(Path logDir, int clientPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + "," + CONTROLLER + "://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
        p.put("controller.listener.names", CONTROLLER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        // A single node: every internal topic has one replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("default.replication.factor", "1");
        p.put("num.partitions", "3");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Keep a laptop's disk in check; users running for weeks point at a real cluster.
        p.put("log.retention.hours", "168");
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        return p;
    }

    private static void format(Path logDir, ScramUser scram) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return; // formatted by an earlier start: keep its cluster id and data
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(NODE_ID)
                    .setControllerListenerName(CONTROLLER)
                    .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
                    .addDirectory(logDir.toAbsolutePath().toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setIgnoreFormatted(true)
                    .setScramArguments(scram == null ? java.util.List.of()
                            : java.util.List.of("SCRAM-SHA-256=[name=" + scram.name() + ",password=" + scram.password() + "]"))
                    .run();
        } catch (Exception e) {
            // The message of a formatting error could quote the SCRAM arguments: keep it out.
            throw new IllegalStateException("cannot format KRaft storage in " + logDir + " ("
                    + e.getClass().getSimpleName() + ")", scram == null ? e : null);
        }
    }

    private void awaitReady(Duration timeout, Map<String, String> clientProperties) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(p)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("embedded broker did not become ready within " + timeout, e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the embedded broker", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
