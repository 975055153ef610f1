package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsflow rules} against a real broker: add, list, update, test, remove, and refusals. */
class RulesCommandIT {

    @TempDir
    Path dir;

    record Result(int status, String out, String err) {
    }

    static Result newsflow(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Newsflow.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void rulesAreAddedListedUpdatedTestedAndRemovedAndBadOnesRefused() throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        String prefix = "rules-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        String bootstrap = kafka.bootstrapServers();

        // Fill news.articles.enriched with the sample site, so "rules test" has something to replay.
        Result run = newsflow("run", "--once", "--bootstrap-servers", bootstrap, "--set", "topic.prefix=" + prefix,
                "--set", "streams.application.id=" + prefix + "app", "--data-dir", dir.toString(),
                "--set", "sample.site.port=0", "--set", "web.enabled=false", "--set", "metrics.port=0");
        assertThat(run.status()).as(run.err()).isZero();
        List<String> common = List.of("--bootstrap-servers", bootstrap, "--set", "topic.prefix=" + prefix);

        Result add = newsflow(args(common, "rules", "add", "trams", "--query", "tram AND council", "--owner", "city-desk",
                "--severity", "HIGH"));
        assertThat(add.status()).as(add.err()).isZero();
        assertThat(add.out()).contains("Rule trams version 1");

        Result duplicate = newsflow(args(common, "rules", "add", "trams", "--query", "tram"));
        assertThat(duplicate.status()).isEqualTo(2);
        assertThat(duplicate.err()).contains("rule 'trams' exists");

        Result bad = newsflow(args(common, "rules", "add", "broken", "--query", "title:(tram"));
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("broken");

        Result leading = newsflow(args(common, "rules", "add", "slow", "--query", "*port"));
        assertThat(leading.status()).isEqualTo(2);
        assertThat(leading.err()).containsIgnoringCase("wildcard");

        Result update = newsflow(args(common, "rules", "update", "trams", "--query", "tram* AND (council OR university)"));
        assertThat(update.status()).as(update.err()).isZero();
        assertThat(update.out()).contains("version 2");

        Result list = newsflow(args(common, "rules", "list"));
        assertThat(list.out()).contains("\"id\":\"trams\"").contains("\"version\":2").contains("tram* AND (council OR university)")
                .doesNotContain("\"id\":\"broken\"");

        Result test = newsflow(args(common, "rules", "test", "trams", "--since", "1d"));
        assertThat(test.status()).as(test.err()).isZero();
        assertThat(test.out()).contains("Council approves").contains("1 of 9 article(s)");

        Result adhoc = newsflow(args(common, "rules", "test", "--query", "festival", "--since", "1d"));
        assertThat(adhoc.out()).contains("Lantern festival");

        Result remove = newsflow(args(common, "rules", "remove", "trams"));
        assertThat(remove.status()).isZero();
        assertThat(newsflow(args(common, "rules", "list")).out()).doesNotContain("\"id\":\"trams\"");

        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, "rules:\n  - id: floods\n    name: Floods\n    query: 'flood*'\n    languages: [en]\n");
        assertThat(newsflow(args(common, "rules", "add", "--file", file.toString())).status()).isZero();
        assertThat(newsflow(args(common, "rules", "list")).out()).contains("\"id\":\"floods\"").contains("\"languages\":[\"en\"]");
    }

    static String[] args(List<String> common, String... rest) {
        List<String> all = new ArrayList<>(List.of(rest));
        all.addAll(common);
        return all.toArray(String[]::new);
    }
}
