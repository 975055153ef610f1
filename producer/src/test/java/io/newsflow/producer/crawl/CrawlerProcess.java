package io.newsflow.producer.crawl;

import io.newsflow.producer.ProducerSettings;
import io.newsflow.producer.discover.FollowRules;
import io.newsflow.producer.discover.Source;
import io.newsflow.producer.fetch.FetchSettings;
import io.newsflow.schemas.RecordSerdes;
import io.newsflow.schemas.Topics;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A crawler instance as a process of its own, for {@link CrawlerCrashIT} to kill: seeds the given sites,
 * prints {@value #IDLE} when the frontier is drained, then keeps running until killed.
 * Arguments: bootstrap servers, topic prefix, state folder, per-host delay in ms, start URLs.
 */
public final class CrawlerProcess {

    static final String IDLE = "newsflow-crawler-idle";

    private CrawlerProcess() {
    }

    public static void main(String[] args) throws Exception {
        Topics topics = new Topics(args[1]);
        Duration delay = Duration.ofMillis(Long.parseLong(args[3]));
        List<Source> sources = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            URI start = URI.create(args[i]);
            sources.add(new Source.Site("site-" + (i - 3), List.of(start),
                    new FollowRules(List.of(Pattern.compile("^" + Pattern.quote(args[i]))), List.of(), 1, 100_000), null,
                    delay));
        }
        FetchSettings fetch = new FetchSettings("NewsflowCrash/0.1 (+http://127.0.0.1/)", Duration.ofSeconds(5),
                Duration.ofSeconds(10), 1_000_000).allowing("127.0.0.0/8");
        // A short session timeout, so that the group notices the killed instance soon after its restart.
        ProducerSettings settings = new ProducerSettings(args[0], topics, null, fetch, Duration.ofMinutes(10),
                Map.of("session.timeout.ms", "10000"), CrawlSettings.defaults(args[1] + "crawler", Path.of(args[2])));
        Crawler crawler = Crawler.start(settings, sources, RecordSerdes.singleObject(), CrawlMetrics.unexported(),
                Duration.ofSeconds(120));
        crawler.seed();
        if (crawler.awaitIdle(Duration.ofMinutes(10))) {
            System.out.println(IDLE);
            System.out.flush();
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
