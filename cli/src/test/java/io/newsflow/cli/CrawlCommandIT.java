package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsflow crawl --once} and {@code produce --once}: one crawler instance against a cluster. */
class CrawlCommandIT {

    @TempDir
    Path dir;

    String run(String command, String prefix, int samplePort) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Newsflow.execute(new PrintWriter(out, true), new PrintWriter(err, true), command, "--once",
                "--bootstrap-servers", EmbeddedKafka.shared().bootstrapServers(), "--data-dir", dir.toString(),
                "--set", "topic.prefix=" + prefix, "--set", "sample.site.port=" + samplePort, "--set", "metrics.enabled=false");
        assertThat(status).as("exit status; stderr:%n%s", err).isZero();
        return out.toString();
    }

    @Test
    void crawlOnceDrainsTheFrontierThenProduceOnceOnTheSameStateFindsNothingNew() throws Exception {
        String prefix = "crawlcmd-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        int samplePort = RunOnceIT.freePort();

        String crawl = run("crawl", prefix, samplePort);
        // Same data folder and application id: the seen-set survived, only the start page is polled again.
        String produce = run("produce", prefix, samplePort);

        assertThat(crawl).contains("Crawl done: urls=12 {ARTICLE=9, LISTING=2, NOT_ARTICLE=1} articles=9");
        assertThat(produce).contains("Crawl done: urls=1 {LISTING=1} articles=0");
    }

    @Test
    void crawlWithoutAClusterIsRefusedWithStatus2() {
        StringWriter err = new StringWriter();
        int status = Newsflow.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "crawl", "--once");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--bootstrap-servers");
    }
}
