package io.newsflow.producer.extract;

import io.newsflow.producer.extract.MainTextDetector.MainText;
import io.newsflow.schema.Article;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a fetched page into an {@link Article} or a reasoned {@link Extraction.NotArticle}.
 *
 * <p>The steps, in order: one pass over the document gathers the metadata sources ({@link PageScan});
 * the markup is read first (JSON-LD, OpenGraph, Dublin Core, {@code <meta>}, {@code <time>}, canonical
 * link, {@code lang}; {@link MetadataExtractor}), then what the visible text says (bylines, datelines;
 * {@link VisibleMetadata}); the chrome is found ({@link Chrome}) and the main text detected around it
 * ({@link MainTextDetector}), or taken from a site rule's selectors ({@link SiteRules}); the citation and
 * Keywords lines ({@link Trailer}) and a paywall's truncation marker ({@link Truncation}) come off the end
 * of the body; last, {@link PageClassifier} rejects listings and other non-articles. Each field takes the
 * first source that has it, and {@code Article.fieldSources} records which one did.
 *
 * <p>A pure function: no I/O, the given document is only read, and one instance may be shared by any
 * number of threads.
 */
public final class ArticleExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(ArticleExtractor.class);
    // A date in the URL path: /2025/03/09/ or /2025-03-09/ (or at the end of the path).
    private static final Pattern URL_DATE = Pattern.compile(
            "/((?:19|20)\\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\\d|3[01])(?:[/-]|\\.html?|$)");

    private final SiteRules siteRules;

    /** An extractor with the bundled site rules. */
    public ArticleExtractor() {
        this(SiteRules.bundled());
    }

    /** An extractor with the given site rules ({@link SiteRules#load}, {@link SiteRules#none()}). */
    public ArticleExtractor(SiteRules siteRules) {
        this.siteRules = Objects.requireNonNull(siteRules, "siteRules");
    }

    /** Parses {@code html} with {@code url} as base URI, then extracts as {@link #extract(String, Document, String, Instant)}. */
    public Extraction extract(String url, String html, String sourceId, Instant fetchedAt) {
        Objects.requireNonNull(html, "html");
        return extract(url, Jsoup.parse(html, url), sourceId, fetchedAt);
    }

    /**
     * Extracts the article on {@code doc}.
     *
     * @param url       the URL the page was fetched from, after redirects
     * @param sourceId  the configured source that discovered the page
     * @param fetchedAt when the page was fetched
     */
    public Extraction extract(String url, Document doc, String sourceId, Instant fetchedAt) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        return analyse(url, doc, sourceId, fetchedAt).extraction();
    }

    /**
     * The fields read from {@code doc} whether or not it is an article (evaluation looks at rejected
     * pages too). Does not modify {@code doc}.
     */
    public ExtractedFields fields(String url, Document doc) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(doc, "doc");
        return analyse(url, doc, "eval", Instant.EPOCH).fields();
    }

    private record Analysis(ExtractedFields fields, Extraction extraction) {
    }

    private Analysis analyse(String url, Document doc, String sourceId, Instant fetchedAt) {
        ClassNames names = new ClassNames();
        PageScan scan = PageScan.of(doc, names);
        PageMetadata meta = MetadataExtractor.read(scan, url, names);
        VisibleMetadata visible = VisibleMetadata.find(scan, names);
        SiteRules.Rule rule = siteRules.forUrl(url);
        Element root = doc.body() != null ? doc.body() : doc;
        if (rule != null) {
            // The rule's metadata elements and drops are never body text.
            for (String selector : rule.elementsOutsideTheBody()) {
                scan.chrome.addAll(doc.select(selector));
            }
        }

        Sourced<String> ruleTitle = rule == null ? null : Sourced.of(firstText(doc, rule.title()), "site-rule");
        Sourced<String> title = Sourced.first(ruleTitle, meta.title());
        Set<String> dropLines = new HashSet<>(visible.lines());
        if (meta.h1() != null) {
            dropLines.add(meta.h1());
        }
        if (title != null) {
            dropLines.add(title.value());
        }
        MainText main = mainText(doc, root, scan.chrome, rule, names, dropLines);
        Trailer trailer = Trailer.split(main.blocks());
        Truncation truncation = Truncation.split(trailer.body());
        Citation citation = trailer.citation();

        Sourced<String> source = Sourced.first(meta.source(),
                Sourced.of(citation == null ? null : citation.outlet(), "citation"));
        if (title != null && !title.source().equals("site-rule") && !title.source().equals("h1")) {
            title = Titles.withoutSiteSuffix(title, source, meta.h1() == null ? List.of() : List.of(meta.h1()));
        }
        Sourced<String> finalTitle = title;
        List<String> bodyBlocks = truncation.body().stream()
                .filter(b -> finalTitle == null || !b.equals(finalTitle.value())).toList();
        String body = String.join("\n\n", bodyBlocks);

        Sourced<List<String>> authors = Sourced.first(
                rule == null ? null : Sourced.of(Names.splitDeclared(allTexts(doc, rule.author())), "site-rule"),
                meta.authors(),
                Sourced.of(visible.authors(), "byline"),
                Sourced.of(citation == null ? null : citation.authors(), "citation"),
                meta.organizationAuthors());
        Sourced<OffsetDateTime> published = MetadataExtractor.published(
                rule == null ? null : ruleDate(doc, rule.date()), meta, visible,
                Sourced.of(citation == null ? null : citation.date().atOffset(ZoneOffset.UTC), "citation"),
                Sourced.of(urlDate(url), "url"));
        Sourced<List<String>> keywords = Sourced.first(meta.keywords(),
                Sourced.of(trailer.keywords(), "keywords-line"));
        Sourced<Boolean> paywalled = Sourced.first(meta.paywalled(),
                truncation.truncated() ? new Sourced<>(true, "truncation-marker") : null);

        boolean articleSignals = meta.declaresArticle() || published != null || authors != null || citation != null;
        String rejection = title == null ? "no title"
                : PageClassifier.rejection(main, Texts.wordCount(body, wordsToCount(main)), meta.ogType(), articleSignals);
        Sourced<String> canonical = Sourced.first(meta.canonicalUrl(), Sourced.of(url, "fetched-url"));
        Map<String, String> fieldSources = new LinkedHashMap<>();
        fieldSources.put("canonicalUrl", canonical.source());
        record(fieldSources, "title", title);
        record(fieldSources, "authors", authors);
        record(fieldSources, "publishedAt", published);
        fieldSources.put("body", rule != null && rule.body() != null && main.fromSiteRule() ? "site-rule" : "main-text");
        record(fieldSources, "source", source);
        record(fieldSources, "sourceKeywords", keywords);
        record(fieldSources, "language", meta.language());
        record(fieldSources, "paywalled", paywalled);

        ExtractedFields fields = new ExtractedFields(title == null ? null : title.value(),
                authors == null ? List.of() : authors.value(), published == null ? null : published.value().toInstant(),
                published == null ? null : published.value().toLocalDate(), body, paywalled != null, fieldSources,
                rejection);
        if (rejection != null) {
            return new Analysis(fields, reject(url, rejection));
        }
        String canonicalUrl = UrlNormalizer.normalize(canonical.value());
        Article article = Article.newBuilder()
                .setId(ArticleIds.fromCanonicalUrl(canonicalUrl))
                .setUrl(url)
                .setCanonicalUrl(canonicalUrl)
                .setSourceId(sourceId)
                .setTitle(title.value())
                .setAuthors(authors == null ? List.of() : authors.value())
                .setPublishedAt(published == null ? null : published.value().toInstant())
                .setBody(body)
                .setSource(source == null ? null : source.value())
                .setSourceKeywords(keywords == null ? List.of() : keywords.value())
                .setLanguage(meta.language() == null ? null : meta.language().value())
                .setFetchedAt(fetchedAt)
                .setFieldSources(fieldSources)
                .setPaywalled(paywalled != null)
                .build();
        return new Analysis(fields, new Extraction.Extracted(article));
    }

    /**
     * Words of the body worth counting: {@link PageClassifier} compares the count with thresholds under
     * 200 words and with 120 words per linked headline, so counting the rest of a long story is wasted.
     */
    private static int wordsToCount(MainText main) {
        return 200 * Math.max(1, main.linkedHeadings());
    }

    /** The body from the site rule's containers when they match, else from main-text detection. */
    private static MainText mainText(Document doc, Element root, Set<Element> chrome, SiteRules.Rule rule,
                                     ClassNames names, Set<String> dropLines) {
        if (rule != null && rule.body() != null) {
            List<Element> containers = new ArrayList<>(doc.select(rule.body()));
            if (!containers.isEmpty()) {
                return MainTextDetector.of(root, containers, chrome, names, dropLines);
            }
        }
        return MainTextDetector.detect(root, chrome, names, dropLines);
    }

    private static String firstText(Document doc, String selector) {
        if (selector == null) {
            return null;
        }
        Element el = doc.selectFirst(selector);
        return el == null ? null : Texts.clean(el.text());
    }

    private static List<String> allTexts(Document doc, String selector) {
        if (selector == null) {
            return List.of();
        }
        Elements found = doc.select(selector);
        List<String> texts = new ArrayList<>(found.size());
        for (Element el : found) {
            texts.add(el.normalName().equals("meta") ? el.attr("content") : el.text());
        }
        return texts;
    }

    private static Sourced<OffsetDateTime> ruleDate(Document doc, String selector) {
        if (selector == null) {
            return null;
        }
        Element el = doc.selectFirst(selector);
        if (el == null) {
            return null;
        }
        for (String raw : new String[] {el.attr("datetime"), el.attr("content"), el.text()}) {
            OffsetDateTime date = DateParser.parseWithOffset(raw).orElse(null);
            if (date != null) {
                return new Sourced<>(date, "site-rule");
            }
        }
        return null;
    }

    /** A date in the URL's path, the last resort: it is when the URL was minted, not always the story's date. */
    static OffsetDateTime urlDate(String url) {
        Matcher m = URL_DATE.matcher(url);
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                    .atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static Extraction reject(String url, String reason) {
        LOG.debug("Not an article: {} ({})", url, reason);
        return new Extraction.NotArticle(reason);
    }

    private static void record(Map<String, String> fieldSources, String field, Sourced<?> value) {
        if (value != null) {
            fieldSources.put(field, value.source());
        }
    }
}
