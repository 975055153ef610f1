package io.newsflow.cli;

import io.newsflow.producer.crawl.CrawlReport;
import io.newsflow.schemas.Settings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow run}: the whole pipeline in one process. Prints a summary line per enriched
 * article and a line per alert. With {@code --once}, crawls until the frontier is drained and exits 0
 * once every article of that crawl is enriched (1 if that does not happen within
 * {@code run.once.timeout.ms}); otherwise crawls continuously (start pages, feeds and sitemaps are
 * re-polled on their adaptive schedules) until interrupted, printing a progress line every minute.
 */
@Command(name = "run", description = "Crawl, publish, enrich and alert: the whole pipeline in one process.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--once", description = "Crawl once, wait until every article is enriched, then exit.")
    boolean once;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> settings = config.settings();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ShutdownSignal signal = new ShutdownSignal(); Pipeline pipeline = Pipeline.start(settings, out)) {
            if (once) {
                return runOnce(pipeline, settings, out, err);
            }
            pipeline.crawler().seed();
            out.printf("Crawling continuously (Ctrl-C stops)%n");
            out.flush();
            CrawlCommand.Progress progress = new CrawlCommand.Progress(pipeline.crawler());
            while (!signal.awaitStop(60_000)) {
                out.println(progress.line());
                out.flush();
            }
            return 0;
        }
    }

    private static int runOnce(Pipeline pipeline, Map<String, String> settings, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        CrawlReport report;
        try {
            report = pipeline.crawl();
        } catch (IllegalStateException e) {
            err.printf("newsflow: %s%n", e.getMessage()); // the crawl did not finish in time, or the crawler stopped
            return 1;
        }
        Duration timeout = Duration.ofMillis(Settings.number(settings, "run.once.timeout.ms", 180_000));
        if (!pipeline.watcher().awaitEnriched(report.articleIds(), timeout)) {
            err.printf("newsflow: %d of %d article(s) not enriched within %s: %s%n",
                    pipeline.watcher().missing(report.articleIds()).size(), report.articleIds().size(), timeout,
                    pipeline.watcher().missing(report.articleIds()));
            return 1;
        }
        // Alerts are committed in the same transaction as the articles they match: print them all.
        pipeline.watcher().awaitCaughtUp(Duration.ofSeconds(30));
        out.printf("Done: %s; %d article(s) enriched, %d alert(s) on the topic.%n", report,
                report.articleIds().size(), pipeline.watcher().alertCount());
        out.flush();
        return 0;
    }
}
