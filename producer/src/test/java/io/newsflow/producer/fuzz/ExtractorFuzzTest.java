package io.newsflow.producer.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.newsflow.producer.extract.ArticleExtractor;
import io.newsflow.producer.extract.Extraction;
import io.newsflow.producer.sample.SampleSite;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@link ArticleExtractor} with Jazzer: whatever the bytes, extraction returns an article or a
 * rejection, never throws, and never takes more than a second of CPU time on one page (a resource guard
 * against quadratic paths, not a speed measurement; the extracting thread's CPU time, so that other load
 * on the machine does not count).
 *
 * <p>In a normal test run {@link #extractsAnyPage} runs once per file of its seed corpus,
 * {@code src/test/resources/io/newsflow/producer/fuzz/ExtractorFuzzTestInputs/extractsAnyPage/} (Jazzer's
 * regression mode), and {@link #survivesRandomTagSoup} feeds a few hundred generated pages. To fuzz with
 * coverage guidance, set {@code JAZZER_FUZZ=1} (see BENCHMARKS.md, "Fuzzing the extractor"): Jazzer then
 * mutates inputs for {@code maxDuration}, keeps its corpus under {@code .cifuzz-corpus/} so that the next
 * run continues from it, and writes any input that fails into the seed directory, where it becomes a
 * regression test.
 */
class ExtractorFuzzTest {

    private static final long MAX_MILLIS_PER_PAGE = 1_000;
    private static final String[] URLS = {"https://news.example/2025/03/09/story.html", "http://127.0.0.1:8080/a",
            "https://news.example/", "https://x/%zz?a=[1]#frag", "not a url"};
    private static final ArticleExtractor EXTRACTOR = warmedUp(new ArticleExtractor());

    /** Class loading and the first JIT passes are not the extractor's per-page cost. */
    private static ArticleExtractor warmedUp(ArticleExtractor extractor) {
        String page = SampleSite.resource("articles/central-bank-holds-rates.html");
        for (int i = 0; i < 20; i++) {
            extractor.extract(URLS[0], page, "fuzz", Instant.EPOCH);
        }
        return extractor;
    }

    /**
     * Extracts {@code html}, failing on an exception (by letting it through) or a slow page. A page over
     * the limit is timed once more, so that a first run through cold code on a busy machine is not
     * mistaken for a page that is slow in itself.
     */
    static void extractWithinASecond(String url, String html) {
        long millis = timedExtraction(url, html);
        if (millis > MAX_MILLIS_PER_PAGE) {
            millis = timedExtraction(url, html);
        }
        if (millis > MAX_MILLIS_PER_PAGE) {
            throw new AssertionError("extraction took " + millis + " ms of CPU on a page of " + html.length() + " chars");
        }
    }

    private static long timedExtraction(String url, String html) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        Extraction result = EXTRACTOR.extract(url, html, "fuzz", Instant.EPOCH);
        long millis = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
        assertThat(result).isNotNull();
        return millis;
    }

    @FuzzTest(maxDuration = "2m")
    void extractsAnyPage(byte[] input) {
        // The first byte picks a URL (some pages read dates and hosts from it); the rest is the page.
        String url = input.length == 0 ? URLS[0] : URLS[(input[0] & 0xff) % URLS.length];
        String html = new String(input, Math.min(1, input.length), Math.max(0, input.length - 1),
                StandardCharsets.UTF_8);
        extractWithinASecond(url, html);
    }

    /** Entry point for Jazzer's own command line, for runs longer than the JUnit test's {@code maxDuration}. */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        new ExtractorFuzzTest().extractsAnyPage(data.consumeRemainingAsBytes());
    }

    @Test
    void survivesRandomTagSoup() {
        Random random = new Random(20250309);
        for (int i = 0; i < 300; i++) {
            extractWithinASecond(URLS[random.nextInt(URLS.length)], TagSoup.generate(random));
        }
    }
}
