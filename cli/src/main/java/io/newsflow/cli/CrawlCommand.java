package io.newsflow.cli;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.producer.ProducerSettings;
import io.newsflow.producer.crawl.CrawlMetrics;
import io.newsflow.producer.crawl.CrawlReport;
import io.newsflow.producer.crawl.Crawler;
import io.newsflow.schema.FetchOutcome;
import io.newsflow.schemas.RecordSerdes;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow crawl}: one crawler instance against a cluster (start several with the same
 * {@code producer.crawl.application.id} to scale out). On a terminal it keeps one progress line up to
 * date (pages fetched, articles, errors, queued, rate); otherwise it logs a progress line every
 * {@code --progress-seconds}. With {@code --once} it exits when the frontier is drained.
 */
@Command(name = "crawl", description = "Run one crawler instance against --bootstrap-servers, showing progress.")
final class CrawlCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(CrawlCommand.class);

    @Mixin
    ConfigOptions config;

    @Option(names = "--once", description = "Crawl until the frontier is drained, then exit.")
    boolean once;

    @Option(names = "--progress-seconds", defaultValue = "10",
            description = "Seconds between progress log lines when not on a terminal (default: ${DEFAULT-VALUE}).")
    int progressSeconds;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (progressSeconds < 1) {
            throw new IllegalArgumentException("--progress-seconds must be at least 1");
        }
        return crawl(config.settings(), once, true, progressSeconds, spec.commandLine().getOut());
    }

    /**
     * Runs a crawler instance until stopped (or, with {@code once}, until the frontier is drained).
     *
     * @param showProgress show the progress line (terminal) or log it every {@code logSeconds}
     */
    static int crawl(Map<String, String> settings, boolean once, boolean showProgress, int logSeconds,
                     PrintWriter out) throws Exception {
        if (settings.get("bootstrap.servers").isBlank()) {
            throw new IllegalArgumentException("the crawler needs a cluster: set --bootstrap-servers or bootstrap.servers");
        }
        ProducerSettings producer = ProducerSettings.from(settings);
        Pipeline.createTopics(settings);
        try (ShutdownSignal signal = new ShutdownSignal();
             MetricsServer metricsServer = Pipeline.metricsServer(settings);
             Pipeline.Sources sources = Pipeline.Sources.load(producer, Pipeline.samplePort(settings), out)) {
            MeterRegistry meters = metricsServer == null ? new SimpleMeterRegistry() : metricsServer.registry();
            if (metricsServer != null) {
                out.printf("Metrics at %s%n", metricsServer.uri());
            }
            try (Crawler crawler = Crawler.start(producer, sources.list(), RecordSerdes.from(settings),
                    new CrawlMetrics(meters), Duration.ofSeconds(120));
                 AutoCloseable streamsMetrics = crawler.bindStreamsMetrics(meters);
                 Display display = showProgress ? Display.start(crawler, out, logSeconds) : null) {
                crawler.seed();
                if (once) {
                    boolean idle = crawler.awaitIdle(Duration.ofDays(3650), () -> stopRequested(signal));
                    if (display != null) {
                        display.close();
                    }
                    CrawlReport report = crawler.report();
                    out.printf("Crawl %s: %s%n", idle ? "done" : "stopped", report);
                    out.flush();
                } else {
                    signal.awaitStop();
                }
            }
        }
        return 0;
    }

    private static boolean stopRequested(ShutdownSignal signal) {
        try {
            return signal.awaitStop(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** The numbers of the progress line, with the rate since the previous line. Not thread-safe. */
    static final class Progress {

        private static final Set<FetchOutcome> ERRORS = EnumSet.of(FetchOutcome.FAILED, FetchOutcome.TIMEOUT,
                FetchOutcome.HTTP_ERROR, FetchOutcome.REFUSED_ADDRESS, FetchOutcome.TOO_LARGE, FetchOutcome.REFUSED);

        private final Crawler crawler;
        private double lastTotal;
        private long lastNanos = System.nanoTime();

        Progress(Crawler crawler) {
            this.crawler = crawler;
        }

        /** E.g. {@code pages 120 · articles 97 · errors 3 · queued 480 (12 hosts) · in flight 4 · 9.5 pages/s}. */
        String line() {
            CrawlMetrics m = crawler.metrics();
            double total = m.total();
            long now = System.nanoTime();
            double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
            double rate = (total - lastTotal) / seconds;
            lastTotal = total;
            lastNanos = now;
            double errors = ERRORS.stream().mapToDouble(m::count).sum();
            return String.format(Locale.ROOT,
                    "pages %.0f · articles %.0f · errors %.0f · robots denied %.0f · queued %d (%d hosts) · in flight %d"
                            + " · %.1f pages/s",
                    total, m.count(FetchOutcome.ARTICLE), errors, m.robotsDenials(), crawler.progress().queued(),
                    crawler.progress().hosts(), crawler.progress().inFlight(), rate);
        }
    }

    /**
     * Shows progress while the crawler runs: on a terminal one line rewritten in place every second
     * ({@code \r}); otherwise a log line every few seconds.
     */
    static final class Display implements AutoCloseable {

        private final Thread thread;
        private volatile boolean stopped;

        private Display(Crawler crawler, PrintWriter out, int logSeconds) {
            boolean terminal = System.console() != null;
            Progress progress = new Progress(crawler);
            thread = new Thread(() -> {
                long pause = terminal ? 1_000 : logSeconds * 1_000L;
                while (!stopped) {
                    try {
                        Thread.sleep(pause);
                    } catch (InterruptedException e) {
                        break;
                    }
                    if (terminal) {
                        out.print("\r" + progress.line() + "   ");
                        out.flush();
                    } else {
                        log.info("Crawl progress: {}", progress.line());
                    }
                }
                if (terminal) {
                    out.println();
                    out.flush();
                }
            }, "newsflow-progress");
            thread.setDaemon(true);
        }

        static Display start(Crawler crawler, PrintWriter out, int logSeconds) {
            Display display = new Display(crawler, out, logSeconds);
            display.thread.start();
            return display;
        }

        @Override
        public void close() throws InterruptedException {
            if (!stopped) {
                stopped = true;
                thread.interrupt();
                thread.join(2_000);
            }
        }
    }
}
