package io.newsflow.cli;

import io.newsflow.schemas.AvroJson;
import io.newsflow.schemas.RecordSerdes;
import io.newsflow.schemas.Settings;
import io.newsflow.schemas.Topics;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow tail TOPIC}: prints the records of one of our topics as JSON, one per line, so
 * anyone can look at what landed without writing a consumer. Reads committed records only.
 */
@Command(name = "tail", description = "Print records of a Newsflow topic as JSON lines.")
final class TailCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Parameters(paramLabel = "TOPIC", description = "Topic, e.g. news.articles.enriched (the prefix may be left out).")
    String topic;

    @Option(names = "--max", paramLabel = "N", description = "Exit after N records.")
    Integer max;

    @Option(names = "--from-beginning", description = "Start at the oldest record instead of the newest.")
    boolean fromBeginning;

    @Option(names = "--exit-when-idle", paramLabel = "MS",
            description = "Exit when no record arrived for this many milliseconds (default: keep following).")
    Long idleExitMillis;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, String> settings = config.settings();
        String bootstrap = settings.get("bootstrap.servers");
        if (bootstrap.isBlank()) {
            bootstrap = "127.0.0.1:" + settings.get("broker.port");
        }
        Topics topics = new Topics(settings.get("topic.prefix"));
        TopicKind kind = TopicKind.of(topic, topics).orElseThrow(() -> new IllegalArgumentException(
                "'" + topic + "' is not a Newsflow topic; one of " + topics.all()));
        String name = topic.endsWith(kind.baseName()) && !topic.startsWith(topics.prefix()) ? topics.prefix() + topic : topic;
        PrintWriter out = spec.commandLine().getOut();
        Deserializer<?> serde = kind.valueType() == null ? null
                : RecordSerdes.from(settings).serde(name, kind.valueType()).deserializer();

        Properties p = new Properties();
        p.putAll(Settings.kafkaOverrides(settings));
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        int printed = 0;
        long lastRecord = System.nanoTime();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(name, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(name, info.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalArgumentException("topic " + name + " does not exist at " + bootstrap);
            }
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            while (max == null || printed < max) {
                var records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, byte[]> r : records) {
                    out.println(render(r, serde));
                    printed++;
                    if (max != null && printed >= max) {
                        break;
                    }
                }
                out.flush();
                if (!records.isEmpty()) {
                    lastRecord = System.nanoTime();
                } else if (idleExitMillis != null && System.nanoTime() - lastRecord > idleExitMillis * 1_000_000) {
                    break;
                }
            }
        }
        return 0;
    }

    static String render(ConsumerRecord<String, byte[]> record, Deserializer<?> serde) {
        if (serde != null && record.value() != null) {
            try {
                return AvroJson.toJson(serde.deserialize(record.topic(), record.value()));
            } catch (RuntimeException e) {
                // Unreadable value: show it raw rather than stop tailing.
            }
        }
        if (record.topic().endsWith(".flat") && record.value() != null) {
            return new String(record.value(), StandardCharsets.UTF_8); // already JSON
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("topic", record.topic());
        raw.put("partition", record.partition());
        raw.put("offset", record.offset());
        raw.put("key", record.key());
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), h.value() == null ? null : printable(h.value()));
        }
        raw.put("headers", headers);
        raw.put("valueBase64", record.value() == null ? null : Base64.getEncoder().encodeToString(record.value()));
        return AvroJson.toJson(raw);
    }

    private static String printable(byte[] value) {
        String s = new String(value, StandardCharsets.UTF_8);
        boolean text = s.chars().allMatch(c -> c >= 0x20 || c == '\n' || c == '\t' || c == '\r') && !s.contains("\uFFFD");
        return text ? s : "base64:" + Base64.getEncoder().encodeToString(Arrays.copyOf(value, value.length));
    }
}
