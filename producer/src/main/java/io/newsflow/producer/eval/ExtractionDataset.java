package io.newsflow.producer.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A labelled extraction set in the benchmarks' layout: {@code html/<id>.html.gz} and
 * {@code ground-truth.json} mapping each id to {@code {articleBody, url, ...}} (WCXB adds {@code title},
 * {@code author}, {@code publish_date}, null where the page has none). Pages are decoded as UTF-8
 * whatever their {@code <meta>} says, as the sets' README asks. Immutable once loaded.
 */
public final class ExtractionDataset {

    /**
     * One labelled page.
     *
     * @param id    the id in ground-truth.json
     * @param url   the page's URL (the base URI for parsing)
     * @param html  the page, decoded as UTF-8
     * @param truth the ground-truth object as read
     */
    public record Page(String id, String url, String html, JsonNode truth) {

        /** A text field of the ground truth, or null when absent, null or blank. */
        public String truthText(String field) {
            JsonNode v = truth.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            String s = v.isTextual() ? v.asText() : v.toString();
            return s.isBlank() ? null : s;
        }
    }

    private static final JsonMapper MAPPER = new JsonMapper();

    private final List<Page> pages;

    private ExtractionDataset(List<Page> pages) {
        this.pages = List.copyOf(pages);
    }

    /** Reads the set in {@code dir}, in ground-truth order; at most {@code limit} pages when not null. */
    public static ExtractionDataset load(Path dir, Integer limit) {
        Path truthFile = dir.resolve("ground-truth.json");
        if (!Files.isRegularFile(truthFile)) {
            throw new IllegalArgumentException(dir + " has no ground-truth.json");
        }
        try {
            JsonNode root = MAPPER.readTree(truthFile.toFile());
            List<Page> pages = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                if (limit != null && pages.size() >= limit) {
                    break;
                }
                Map.Entry<String, JsonNode> e = it.next();
                Path html = dir.resolve("html").resolve(e.getKey() + ".html.gz");
                if (!Files.isRegularFile(html)) {
                    throw new IllegalArgumentException("ground truth names " + e.getKey() + " but " + html
                            + " is missing");
                }
                JsonNode url = e.getValue().get("url");
                pages.add(new Page(e.getKey(), url == null || url.isNull() ? "http://localhost/" : url.asText(),
                        gunzipUtf8(html), e.getValue()));
            }
            return new ExtractionDataset(pages);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    /** The pages, in ground-truth order. */
    public List<Page> pages() {
        return pages;
    }

    private static String gunzipUtf8(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
