package io.newsflow.cli;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.producer.ProducerSettings;
import io.newsflow.schemas.RecordSerdes;
import io.newsflow.producer.crawl.CrawlMetrics;
import io.newsflow.producer.crawl.CrawlReport;
import io.newsflow.producer.crawl.Crawler;
import io.newsflow.producer.extract.ArticleExtractor;
import io.newsflow.producer.fetch.HttpFetcher;
import io.newsflow.producer.publish.KafkaPublisher;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsflow produce}: the crawler alone against an existing cluster. */
@Command(name = "produce", description = "Run the crawler against --bootstrap-servers: crawl, extract, publish.")
final class ProduceCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--once", description = "Crawl every source once, then exit.")
    boolean once;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, String> settings = config.settings();
        if (settings.get("bootstrap.servers").isBlank()) {
            throw new IllegalArgumentException("produce needs a cluster: set --bootstrap-servers or bootstrap.servers");
        }
        PrintWriter out = spec.commandLine().getOut();
        ProducerSettings producer = ProducerSettings.from(settings);
        Pipeline.createTopics(settings);
        try (ShutdownSignal signal = new ShutdownSignal();
             MetricsServer metrics = Pipeline.metricsServer(settings);
             Pipeline.Sources sources = Pipeline.Sources.load(producer, Pipeline.samplePort(settings), out);
             KafkaPublisher publisher = new KafkaPublisher(producer.bootstrapServers(), producer.topics(),
                     producer.kafkaOverrides(), RecordSerdes.from(settings))) {
            MeterRegistry meters = metrics == null ? new SimpleMeterRegistry() : metrics.registry();
            publisher.bindMetrics(meters);
            Crawler crawler = new Crawler(new HttpFetcher(producer.fetch()), new ArticleExtractor(), publisher,
                    Clock.systemUTC(), new CrawlMetrics(meters));
            do {
                CrawlReport report = crawler.crawl(sources.list());
                out.printf("Crawl done: %s%n", report);
                out.flush();
            } while (!once && !signal.awaitStop(producer.recrawlInterval().toMillis()));
        }
        return 0;
    }
}
