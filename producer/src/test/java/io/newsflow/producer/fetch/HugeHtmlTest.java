package io.newsflow.producer.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.producer.extract.ArticleExtractor;
import io.newsflow.producer.extract.Extraction;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile page shapes: deep nesting must not overflow the stack (jsoup's parser and traversals are
 * iterative, and it bounds the tree depth), neither in jsoup nor in the extractor; a page at the size
 * cap must go through fetch and parse in the test JVM's ordinary heap.
 */
class HugeHtmlTest {

    static final int DEPTH = 50_000;
    static final int MAX_BYTES = 5 * 1024 * 1024; // producer.fetch.max.bytes default

    static LocalServer server;

    @BeforeAll
    static void start() {
        server = new LocalServer()
                .route("/deep", ex -> LocalServer.html(ex, deeplyNested()))
                .route("/large", ex -> LocalServer.html(ex, largePage()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String deeplyNested() {
        return "<!doctype html><html><head><title>Deep</title></head><body>" + "<div>".repeat(DEPTH)
                + "<p>bottom</p>" + "</div>".repeat(DEPTH) + "<p>after</p></body></html>";
    }

    /** Just under the size cap: 40k paragraphs of ordinary text in an article. */
    static String largePage() {
        StringBuilder html = new StringBuilder(MAX_BYTES)
                .append("<!doctype html><html><head><title>Large</title></head><body><article><h1>Large</h1>");
        String paragraph = "<p>The council met on Tuesday to discuss the harbour budget, and members asked for"
                + " a full account of the costs before any vote is taken. </p>\n";
        while (html.length() + paragraph.length() + 40 < MAX_BYTES) {
            html.append(paragraph);
        }
        return html.append("</article></body></html>").toString();
    }

    static HttpFetcher fetcher() {
        return new HttpFetcher(new FetchSettings("Newsflow-test/0.1", Duration.ofSeconds(5), Duration.ofSeconds(60),
                MAX_BYTES).allowing("127.0.0.0/8"));
    }

    /** Parsed as the crawler parses a fetched page: bytes, the detected charset, the final URL. */
    static Document parse(FetchOutcome.Fetched page) throws IOException {
        return Jsoup.parse(new ByteArrayInputStream(page.body()), page.charset().name(), page.finalUrl().toString());
    }

    @Test
    void aFiftyThousandDeepPageParsesAndTraversesWithoutStackOverflow() throws IOException {
        FetchOutcome outcome = fetcher().fetch(server.url("/deep"));
        assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);

        Document doc = parse((FetchOutcome.Fetched) outcome);

        assertThat(doc.text()).isEqualTo("Deep bottom after");
        assertThat(doc.select("div")).hasSize(DEPTH); // no element lost
        int depth = 0;
        for (Element e = doc.selectFirst("p"); e != null; e = e.parent()) {
            depth++;
        }
        // jsoup bounds the tree depth (512 open elements; deeper ones become siblings), so later
        // recursive code cannot meet a 50k-deep tree either.
        assertThat(depth).isBetween(3, 600);
        assertThat(doc.outerHtml()).contains("bottom");
        Extraction extraction = new ArticleExtractor().extract(page(outcome), doc, "test", Instant.EPOCH);
        assertThat(extraction).isNotNull();
    }

    @Test
    void aPageAtTheSizeCapIsFetchedAndParsed() throws IOException {
        FetchOutcome outcome = fetcher().fetch(server.url("/large"));
        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Fetched.class,
                f -> assertThat(f.body().length).isBetween(MAX_BYTES - 1000, MAX_BYTES));

        Document doc = parse((FetchOutcome.Fetched) outcome);

        assertThat(doc.select("p").size()).isGreaterThan(30_000);
        assertThat(doc.text()).startsWith("Large Large The council met").endsWith("before any vote is taken.");
        // Not extracted here: the extractor takes seconds on a page this size (see the deep page for it).
    }

    static String page(FetchOutcome outcome) {
        return ((FetchOutcome.Fetched) outcome).finalUrl().toString();
    }

    @Test
    void aPageOneByteOverTheCapIsRefusedBeforeParsing() {
        HttpFetcher tight = new HttpFetcher(new FetchSettings("Newsflow-test/0.1", Duration.ofSeconds(5),
                Duration.ofSeconds(60), largePage().getBytes(StandardCharsets.UTF_8).length - 1).allowing("127.0.0.0/8"));

        assertThat(tight.fetch(server.url("/large"))).isInstanceOfSatisfying(FetchOutcome.Refused.class,
                r -> assertThat(r.refusal()).isEqualTo(FetchOutcome.Refusal.TOO_LARGE));
    }
}
