package io.newsflow.producer.extract;

import io.newsflow.producer.extract.JsonLdReader.JsonLdArticle;
import java.net.MalformedURLException;
import java.net.URL;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads {@link PageMetadata} from markup, in the priority order the Article schema documents. */
final class MetadataExtractor {

    private MetadataExtractor() {
    }

    static PageMetadata read(Document doc, String pageUrl) {
        JsonLdArticle ld = JsonLdReader.read(doc);
        Element h1 = doc.selectFirst("h1");
        String h1Text = h1 == null ? null : Texts.clean(h1.text());
        String ogType = meta(doc, "og:type");
        boolean declaresArticle = ld != null || (ogType != null && ogType.toLowerCase(Locale.ROOT).startsWith("article"));

        Sourced<String> title = Sourced.first(
                Sourced.of(ld == null ? null : ld.headline(), "json-ld"),
                Sourced.of(meta(doc, "og:title"), "og"),
                Sourced.of(Texts.clean(doc.title()), "title-tag"),
                Sourced.of(h1Text, "h1"));
        Sourced<List<String>> authors = Sourced.first(
                Sourced.of(ld == null ? null : Names.splitAll(ld.authors()), "json-ld"),
                Sourced.of(Names.split(meta(doc, "author")), "meta"),
                Sourced.of(Names.splitAll(metas(doc, "article:author")), "og"));
        Sourced<String> source = Sourced.first(
                Sourced.of(ld == null ? null : ld.publisher(), "json-ld"),
                Sourced.of(meta(doc, "og:site_name"), "og"));
        Sourced<List<String>> keywords = Sourced.first(
                Sourced.of(ld == null ? null : Keywords.clean(ld.keywords()), "json-ld"),
                Sourced.of(Keywords.split(meta(doc, "keywords")), "meta"),
                Sourced.of(Keywords.clean(metas(doc, "article:tag")), "og"));
        Sourced<String> language = Sourced.first(
                Sourced.of(iso6391(doc.selectFirst("html") == null ? null : doc.selectFirst("html").attr("lang")),
                        "html-lang"),
                Sourced.of(iso6391(meta(doc, "og:locale")), "og"),
                Sourced.of(iso6391(ld == null ? null : ld.inLanguage()), "json-ld"),
                Sourced.of(iso6391(httpEquiv(doc, "content-language")), "meta"));
        return new PageMetadata(title, h1Text, authors, publishedAt(doc, ld), source, keywords, language,
                canonicalUrl(doc, pageUrl), ogType, declaresArticle);
    }

    private static Sourced<OffsetDateTime> publishedAt(Document doc, JsonLdArticle ld) {
        return Sourced.first(
                date(ld == null ? null : ld.datePublished(), "json-ld"),
                date(meta(doc, "article:published_time"), "og"),
                date("meta", meta(doc, "datePublished"), meta(doc, "date"), meta(doc, "pubdate"),
                        meta(doc, "publish-date"), meta(doc, "dc.date.issued"), meta(doc, "dc.date")),
                date(timeElement(doc), "time"));
    }

    /** The {@code <time datetime>} that most likely dates the article rather than a sidebar teaser. */
    private static String timeElement(Document doc) {
        Element time = doc.selectFirst("time[datetime][itemprop=datePublished], time[datetime][pubdate]");
        if (time == null) {
            time = doc.selectFirst("article time[datetime], main time[datetime]");
        }
        if (time == null) {
            time = doc.selectFirst("time[datetime]");
        }
        return time == null ? null : time.attr("datetime");
    }

    private static Sourced<String> canonicalUrl(Document doc, String pageUrl) {
        for (Element link : doc.select("link[rel][href]")) {
            if (List.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")).contains("canonical")) {
                Sourced<String> found = Sourced.of(acceptableCanonical(link.absUrl("href"), pageUrl), "link-canonical");
                if (found != null) {
                    return found;
                }
            }
        }
        return Sourced.of(acceptableCanonical(resolve(pageUrl, meta(doc, "og:url")), pageUrl), "og");
    }

    /**
     * Keeps an http(s) canonical URL, but not one that points at the site's front page from a deeper
     * page: a common CMS template bug that would otherwise give every article the same id.
     */
    private static String acceptableCanonical(String candidate, String pageUrl) {
        if (candidate == null || !candidate.matches("(?i)https?://.+")) {
            return null;
        }
        try {
            String path = new URL(candidate).getPath();
            String pagePath = new URL(pageUrl).getPath();
            boolean candidateIsRoot = path.isEmpty() || path.equals("/");
            boolean pageIsRoot = pagePath.isEmpty() || pagePath.equals("/");
            return candidateIsRoot && !pageIsRoot ? null : candidate;
        } catch (MalformedURLException e) {
            return candidate;
        }
    }

    private static String resolve(String base, String relative) {
        if (relative == null || relative.isBlank()) {
            return null;
        }
        try {
            return new URL(new URL(base), relative.strip()).toExternalForm();
        } catch (MalformedURLException e) {
            return null;
        }
    }

    /** Lower-case ISO 639-1 code from a tag such as "en-GB" or "en_GB"; null when not two letters. */
    static String iso6391(String tag) {
        if (tag == null) {
            return null;
        }
        String primary = tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return primary.matches("[a-z]{2}") ? primary : null;
    }

    private static Sourced<OffsetDateTime> date(String raw, String source) {
        return DateParser.parseWithOffset(raw).map(instant -> new Sourced<>(instant, source)).orElse(null);
    }

    /** The first of {@code raws} that parses as a date. */
    private static Sourced<OffsetDateTime> date(String source, String... raws) {
        for (String raw : raws) {
            Sourced<OffsetDateTime> parsed = date(raw, source);
            if (parsed != null) {
                return parsed;
            }
        }
        return null;
    }

    /** Content of the first {@code <meta>} whose name, property or itemprop equals {@code key}. */
    private static String meta(Document doc, String key) {
        List<String> values = metas(doc, key);
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<String> metas(Document doc, String key) {
        List<String> values = new ArrayList<>();
        for (Element meta : doc.select("meta[content]")) {
            if (key.equalsIgnoreCase(meta.attr("name")) || key.equalsIgnoreCase(meta.attr("property"))
                    || key.equalsIgnoreCase(meta.attr("itemprop"))) {
                String content = Texts.clean(meta.attr("content"));
                if (!content.isEmpty()) {
                    values.add(content);
                }
            }
        }
        return values;
    }

    private static String httpEquiv(Document doc, String key) {
        Element meta = doc.selectFirst("meta[http-equiv~=(?i)^" + key + "$][content]");
        return meta == null ? null : meta.attr("content");
    }
}
