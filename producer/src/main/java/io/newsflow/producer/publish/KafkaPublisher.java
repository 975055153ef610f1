package io.newsflow.producer.publish;

import io.newsflow.schema.Article;
import io.newsflow.schema.FetchStatus;
import io.newsflow.schemas.RecordSerdes;
import io.newsflow.schemas.Topics;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes articles (key = article id) to {@code news.articles.raw} and URL outcomes (key = URL) to
 * {@code news.fetch-status} with one idempotent producer, {@code acks=all}, so a retried send is
 * never written twice. Send failures are counted and reported by {@link #flush()}, never only logged.
 * Thread-safe (KafkaProducer is).
 */
public final class KafkaPublisher implements CrawlSink {

    private static final Logger log = LoggerFactory.getLogger(KafkaPublisher.class);

    private final KafkaProducer<String, byte[]> producer;
    private final Topics topics;
    private final Serializer<Article> articles;
    private final Serializer<FetchStatus> statuses;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    /**
     * @param bootstrapServers Kafka {@code bootstrap.servers}
     * @param kafkaOverrides extra producer properties (security settings, tuning), applied before the
     *     delivery guarantees, which cannot be overridden
     */
    public KafkaPublisher(String bootstrapServers, Topics topics, Map<String, String> kafkaOverrides) {
        this(bootstrapServers, topics, kafkaOverrides, RecordSerdes.singleObject());
    }

    /** As above, writing values in the wire format {@code serdes} chooses ({@code serde.format}). */
    public KafkaPublisher(String bootstrapServers, Topics topics, Map<String, String> kafkaOverrides,
                          RecordSerdes serdes) {
        this.articles = serdes.serde(topics.articlesRaw(), Article.class).serializer();
        this.statuses = serdes.serde(topics.fetchStatus(), FetchStatus.class).serializer();
        Properties p = new Properties();
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.putAll(kafkaOverrides);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-producer");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.topics = topics;
    }

    /** Exposes this producer's Kafka client metrics (records sent, errors, latency) in {@code registry}. */
    public void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        new io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics(producer).bindTo(registry);
    }

    @Override
    public void article(Article article) {
        producer.send(new ProducerRecord<>(topics.articlesRaw(), article.getId(), articles.serialize(topics.articlesRaw(), article)),
                callback(article.getUrl()));
    }

    @Override
    public void status(FetchStatus status) {
        producer.send(new ProducerRecord<>(topics.fetchStatus(), status.getUrl(), statuses.serialize(topics.fetchStatus(), status)),
                callback(status.getUrl()));
    }

    private Callback callback(String url) {
        return (metadata, exception) -> {
            if (exception != null) {
                failures.incrementAndGet();
                firstFailure.compareAndSet(null, exception);
                log.atError().setMessage("Cannot publish record").addKeyValue("url", url)
                        .addKeyValue("error", exception.toString()).log();
            }
        };
    }

    @Override
    public void flush() {
        producer.flush();
        long failed = failures.get();
        if (failed > 0) {
            throw new PublishException(failed + " record(s) could not be published; first cause: "
                    + firstFailure.get(), firstFailure.get());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
