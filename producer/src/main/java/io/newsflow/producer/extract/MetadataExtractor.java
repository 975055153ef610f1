package io.newsflow.producer.extract;

import io.newsflow.producer.extract.JsonLdReader.JsonLdArticle;
import java.net.MalformedURLException;
import java.net.URL;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Reads {@link PageMetadata} from what {@link PageScan} gathered, each field from the best source the
 * page has. The orders below were checked against the labelled benchmark pages (see BENCHMARKS.md):
 *
 * <ul>
 *   <li>title: the {@code <h1>} that best matches the declared titles (JSON-LD headline, og:title,
 *       twitter:title, {@code <title>}), because declared titles are often rewritten for search results;
 *       else the first declared title without its " | Site" suffix; else the first {@code <h1>};</li>
 *   <li>authors: JSON-LD people, {@code <meta name=author>}, {@code article:author}, Twitter's "Written
 *       by" label (bylines in the text are the fallback, in {@link VisibleMetadata});</li>
 *   <li>publication date: {@code article:published_time} and the other publication {@code <meta>} tags,
 *       Dublin Core, microdata, {@code <time>}; JSON-LD {@code datePublished} separately, because it is
 *       often the first publication while the page shows a later date ({@link ArticleExtractor} puts it
 *       after the dates shown on the page).</li>
 * </ul>
 */
final class MetadataExtractor {

    private static final String[] PUBLISHED_META = {"article:published_time", "og:article:published_time",
            "og:published_time", "article.published", "pubdate", "publish-date", "publish_date",
            "publishdate", "date", "sailthru.date", "parsely-pub-date", "cxenseparse:publishtime",
            "citation_publication_date", "citation_date", "published", "date-pub", "og:publish_date"};
    private static final String[] DUBLIN_CORE_DATE = {"dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
            "dcterms.created", "dc.date.created"};
    private static final Evaluator ARTICLE_OR_MAIN = QueryParser.parse("article, main");
    private static final Evaluator NAV_ASIDE_FOOTER = QueryParser.parse("nav, aside, footer");
    // Similarity (token F1) above which an <h1> is taken to be the declared title's headline.
    private static final double H1_MATCH = 0.3;
    // The same for an <h1> that the chrome rules put outside the story (see h1Texts).
    private static final double OFF_ARTICLE_H1_MATCH = 0.5;

    private MetadataExtractor() {
    }

    static PageMetadata read(PageScan scan, String pageUrl, ClassNames names) {
        JsonLdReader.Found found = JsonLdReader.readAll(scan.jsonLd);
        JsonLdArticle ld = found.article();
        // A WebPage node only dates the page; its name is the <title> and its author rarely set.
        String ldDate = ld != null ? ld.datePublished() : found.page() == null ? null : found.page().datePublished();
        String ogType = scan.meta("og:type");
        boolean declaresArticle = ld != null || (ogType != null && ogType.toLowerCase(Locale.ROOT).startsWith("article"));
        Sourced<String> source = Sourced.first(
                Sourced.of(ld == null ? null : ld.publisher(), "json-ld"),
                Sourced.of(scan.meta("og:site_name"), "og"),
                Sourced.of(scan.meta("application-name"), "meta"));
        Set<String> hostWords = Titles.hostWords(pageUrl);
        H1s allH1s = h1Texts(scan, names, source, hostWords);
        List<String> h1s = allH1s.onStory();
        Sourced<String> title = title(scan, ld, source, allH1s, hostWords);
        Sourced<List<String>> declaredAuthors = Sourced.first(
                Sourced.of(ld == null ? null : Names.splitDeclared(ld.authors()), "json-ld"),
                Sourced.of(Names.splitDeclared(scan.metaAll("author")), "meta"),
                Sourced.of(Names.splitDeclared(notUrls(scan.metaAll("article:author"))), "og"),
                Sourced.of(Names.splitDeclared(twitterWrittenBy(scan)), "twitter"));
        // A declared author that is the site itself ("USA TODAY", "Cleveland Clinic") is the organisation:
        // the byline shown on the page, if any, names the writer.
        Sourced<List<String>> authors = null;
        List<String> siteAuthors = new ArrayList<>();
        if (declaredAuthors != null) {
            List<String> people = new ArrayList<>();
            for (String name : declaredAuthors.value()) {
                (isSite(name, source, ld) || isAccountName(name) ? siteAuthors : people).add(name);
            }
            authors = Sourced.of(people, declaredAuthors.source());
        }
        Sourced<List<String>> organizationAuthors = Sourced.first(
                Sourced.of(ld == null ? null : ld.organizationAuthors(), "json-ld"),
                Sourced.of(siteAuthors, declaredAuthors == null ? "meta" : declaredAuthors.source()));
        Sourced<List<String>> keywords = Sourced.first(
                Sourced.of(ld == null ? null : Keywords.clean(ld.keywords()), "json-ld"),
                Sourced.of(Keywords.split(scan.meta("keywords", "news_keywords")), "meta"),
                Sourced.of(Keywords.clean(scan.metaAll("article:tag")), "og"));
        Sourced<String> language = Sourced.first(
                Sourced.of(iso6391(scan.htmlLang), "html-lang"),
                Sourced.of(iso6391(scan.meta("og:locale")), "og"),
                Sourced.of(iso6391(ld == null ? null : ld.inLanguage()), "json-ld"),
                Sourced.of(iso6391(scan.meta("content-language", "language", "dc.language")), "meta"));
        Sourced<Boolean> paywalled = ld != null && Boolean.FALSE.equals(ld.freeToRead())
                ? new Sourced<>(true, "json-ld") : null;
        return new PageMetadata(title, h1s.isEmpty() ? null : h1s.get(0), authors, organizationAuthors,
                publishedAt(scan, names), Sourced.first(date("json-ld", ldDate),
                        date("microdata", scan.meta("datepublished")),
                        date("dublin-core", scan.meta(DUBLIN_CORE_DATE))), modifiedAt(scan, ld != null ? ld : found.page()),
                source, keywords,
                language, canonicalUrl(scan, pageUrl), ogType,
                declaresArticle, paywalled);
    }

    // --- title ----------------------------------------------------------------------------------

    /**
     * The {@code <h1>} texts, each once without a date at its start: {@code onStory} those outside the
     * chrome, {@code offStory} those {@link Chrome#isOffArticle} puts outside the story but that are not in a
     * {@code <nav>}, {@code <aside>} or {@code <footer>} (themes name the whole story column
     * "content-sidebar-wrap" or "...-sidebar-right"; they count only when they match a declared title
     * well), and {@code siteNames} those that are the site's name (a logo), in neither list.
     */
    private record H1s(List<String> onStory, List<String> offStory, List<String> siteNames) {
    }

    private static H1s h1Texts(PageScan scan, ClassNames names, Sourced<String> site, Set<String> hostWords) {
        List<String> on = new ArrayList<>();
        List<String> off = new ArrayList<>();
        List<String> siteNames = new ArrayList<>();
        for (Element h1 : scan.h1s) {
            String text = Titles.withoutLeadingDate(Texts.clean(h1.text()));
            if (text.isEmpty()) {
                continue;
            }
            if (isSiteName(text, scan, site, hostWords)) {
                siteNames.add(text);
            } else if (!Chrome.isOffArticle(h1, names)) {
                on.add(text);
            } else if (h1.closest(NAV_ASIDE_FOOTER) == null) {
                off.add(text);
            }
        }
        return new H1s(on, off, siteNames);
    }

    /**
     * An {@code <h1>} that is the site's name: like the declared site name, or the head of the
     * {@code <title>} ("Engora Data Blog: Small adventures...") that the article's own declared titles do
     * not start with (and, when the page declares none, that names the host).
     */
    private static boolean isSiteName(String h1, PageScan scan, Sourced<String> site, Set<String> hostWords) {
        if (site != null && Titles.similarity(h1, site.value()) >= 0.8) {
            return true;
        }
        String title = scan.titleTag;
        if (title == null || title.length() <= h1.length() + 2 || !title.regionMatches(true, 0, h1, 0, h1.length())
                || Character.isLetterOrDigit(title.charAt(h1.length()))) {
            return false;
        }
        // What follows must be the headline, not a " - Site" suffix: longer than the <h1>.
        String rest = title.substring(h1.length()).replaceFirst("^[\\s:|\\-–—·•»]+", "");
        if (Texts.wordCount(rest) <= Texts.wordCount(h1)) {
            return false;
        }
        String og = scan.meta("og:title", "twitter:title");
        if (og != null) {
            return !og.regionMatches(true, 0, h1, 0, h1.length());
        }
        return Titles.namesHost(h1, hostWords);
    }

    private static Sourced<String> title(PageScan scan, JsonLdArticle ld, Sourced<String> site, H1s allH1s,
                                         Set<String> hostWords) {
        List<String> h1s = allH1s.onStory();
        List<String> offArticleH1s = allH1s.offStory();
        List<Sourced<String>> declared = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        declare(declared, raw, Sourced.of(ld == null ? null : ld.headline(), "json-ld"), site, h1s, hostWords);
        declare(declared, raw, Sourced.of(scan.meta("og:title"), "og"), site, h1s, hostWords);
        declare(declared, raw, Sourced.of(scan.meta("twitter:title"), "twitter"), site, h1s, hostWords);
        declare(declared, raw, Sourced.of(withoutSitePrefix(scan.titleTag, allH1s.siteNames()), "title-tag"), site,
                h1s, hostWords);
        H1Match match = bestH1(h1s, declared, raw, H1_MATCH);
        if (match == null) {
            match = bestH1(offArticleH1s, declared, raw, OFF_ARTICLE_H1_MATCH);
        }
        String bestH1 = match == null ? null : match.h1();
        Sourced<String> bestDeclared = match == null ? null : match.declared();
        if (bestH1 != null) {
            // An <h1> that repeats a declared title with its " | Site" suffix loses the suffix too.
            for (int i = 0; i < declared.size(); i++) {
                if (bestH1.equalsIgnoreCase(raw.get(i)) && !raw.get(i).equals(declared.get(i).value())) {
                    return declared.get(i);
                }
            }
            // The same words as a declared title: credit that source, it is where the headline is declared.
            return bestH1.equalsIgnoreCase(bestDeclared.value()) ? bestDeclared : new Sourced<>(bestH1, "h1");
        }
        if (!declared.isEmpty()) {
            return declared.get(0);
        }
        return h1s.isEmpty() ? null : new Sourced<>(h1s.get(0), "h1");
    }

    /** An {@code <h1>} and the declared title it matches best. */
    private record H1Match(String h1, Sourced<String> declared) {
    }

    /** The {@code <h1>} most similar to a declared title, at least {@code threshold}; the first of equals. */
    private static H1Match bestH1(List<String> h1s, List<Sourced<String>> declared, List<String> raw, double threshold) {
        H1Match bestMatch = null;
        double best = threshold;
        for (String h1 : h1s) {
            for (int i = 0; i < declared.size(); i++) {
                double similarity = Titles.match(h1, declared.get(i).value(), raw.get(i));
                if (similarity >= best && (bestMatch == null || similarity > best)) {
                    best = similarity;
                    bestMatch = new H1Match(h1, declared.get(i));
                }
            }
        }
        return bestMatch;
    }

    private static void declare(List<Sourced<String>> declared, List<String> raw, Sourced<String> title,
                                Sourced<String> site, List<String> h1s, Set<String> hostWords) {
        if (title != null) {
            declared.add(Titles.withoutSiteSuffix(title, site, h1s, hostWords));
            raw.add(title.value());
        }
    }

    /** The {@code <title>} without a site name before it ("Engora Data Blog: Small adventures..."). */
    private static String withoutSitePrefix(String title, List<String> siteNameH1s) {
        if (title == null) {
            return null;
        }
        for (String text : siteNameH1s) {
            if (text.length() < title.length() && title.regionMatches(true, 0, text, 0, text.length())) {
                String rest = title.substring(text.length()).replaceFirst("^[\\s:|\\-–—·•»]+", "");
                return rest.isEmpty() ? title : rest;
            }
        }
        return title;
    }

    private static <T> void add(List<Sourced<T>> list, Sourced<T> candidate) {
        if (candidate != null) {
            list.add(candidate);
        }
    }

    // --- authors --------------------------------------------------------------------------------

    /** Twitter cards of WordPress SEO plugins: {@code twitter:label1 = "Written by"}, {@code twitter:data1 = name}. */
    private static List<String> twitterWrittenBy(PageScan scan) {
        for (int i = 1; i <= 4; i++) {
            String label = scan.meta("twitter:label" + i);
            if (label != null && label.toLowerCase(Locale.ROOT).startsWith("written by")) {
                String data = scan.meta("twitter:data" + i);
                return data == null ? List.of() : List.of(data);
            }
        }
        return List.of();
    }

    /**
     * Whether a declared author name is the site: its publisher or its og:site_name. Not a team named after
     * it ("The Investopedia Team"), which is a byline.
     */
    private static boolean isSite(String name, Sourced<String> source, JsonLdArticle ld) {
        if (Names.looksLikeTeam(name)) {
            return false;
        }
        if (source != null && Titles.similarity(name, source.value()) >= 0.8) {
            return true;
        }
        String publisher = ld == null ? null : ld.publisher();
        return publisher != null && Titles.similarity(name, publisher) >= 0.8;
    }

    /**
     * A CMS account rather than a byline: "andrew.keaveney", "q_admin", "KatieS", "NOC Admin". Kept as a
     * last resort (some sites show nothing else), after the byline shown on the page.
     */
    private static boolean isAccountName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("admin") || lower.endsWith(" admin") || lower.startsWith("admin ")
                || lower.contains("administrator")) {
            return true;
        }
        if (name.contains(" ")) {
            return false;
        }
        if (name.indexOf('.') > 0 || name.indexOf('_') > 0 || Character.isLowerCase(name.codePointAt(0))) {
            return true;
        }
        // "KatieS": a capital after the first letter, as in a user name.
        for (int i = 1; i < name.length(); i++) {
            if (Character.isUpperCase(name.charAt(i)) && Character.isLowerCase(name.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> notUrls(List<String> values) {
        List<String> kept = new ArrayList<>();
        for (String v : values) {
            if (!v.contains("://") && !v.startsWith("www.")) {
                kept.add(v);
            }
        }
        return kept;
    }

    // --- dates ----------------------------------------------------------------------------------

    private static Sourced<OffsetDateTime> publishedAt(PageScan scan, ClassNames names) {
        return Sourced.first(
                date("og", scan.meta("article:published_time", "og:article:published_time", "og:published_time")),
                date("meta", scan.meta(PUBLISHED_META)),
                date("meta", otherPublishedMeta(scan)),
                date("microdata", microdataDate(scan)),
                timeElement(scan));
    }

    /**
     * The publication date, from the best of the candidates. The day a reader is shown wins over JSON-LD,
     * which is often the first publication of a page updated since; but when JSON-LD agrees on the day it
     * also has the time, so it is preferred then. A date shown as "Updated ..." and the last-modified date
     * the markup declares are the very last resorts: an upper bound is better than no date.
     */
    static Sourced<OffsetDateTime> published(Sourced<OffsetDateTime> siteRule, PageMetadata meta,
                                             VisibleMetadata visible, Sourced<OffsetDateTime> citation,
                                             Sourced<OffsetDateTime> url) {
        return withTimeOfDay(Sourced.first(
                siteRule,
                meta.publishedAt(),
                monthFirstIfDeclared(Sourced.of(visible.published(), "dateline"), meta),
                monthFirstIfDeclared(Sourced.of(visible.shownDate(), "date-text"), meta),
                meta.jsonLdPublishedAt(),
                citation,
                url,
                Sourced.of(visible.updated(), "updated-line"),
                meta.modifiedAt()), meta.jsonLdPublishedAt());
    }

    /**
     * A date shown as "09.10.2024" is read day first; when the markup declares 10 September and nothing
     * declares 9 October, the page wrote it month first: the declared date is the one.
     */
    private static Sourced<OffsetDateTime> monthFirstIfDeclared(Sourced<OffsetDateTime> shown, PageMetadata meta) {
        if (shown == null) {
            return null;
        }
        LocalDate day = shown.value().toLocalDate();
        if (day.getDayOfMonth() > 12 || day.getDayOfMonth() == day.getMonthValue()) {
            return shown;
        }
        LocalDate swapped = LocalDate.of(day.getYear(), day.getDayOfMonth(), day.getMonthValue());
        List<Sourced<OffsetDateTime>> declared = new ArrayList<>(2);
        add(declared, meta.jsonLdPublishedAt());
        add(declared, meta.modifiedAt());
        for (Sourced<OffsetDateTime> d : declared) {
            if (d.value().toLocalDate().equals(day)) {
                return shown;
            }
        }
        for (Sourced<OffsetDateTime> d : declared) {
            if (d.value().toLocalDate().equals(swapped)) {
                return d;
            }
        }
        return shown;
    }

    /** {@code precise} instead of {@code date} when that is the same day with a time of day, which {@code date} lacks. */
    private static boolean inCommentsOrRelated(Element el) {
        for (Element e = el; e != null; e = e.parent()) {
            if (e.attributesSize() > 0) {
                String names = (Attrs.get(e, "class") + " " + Attrs.get(e, "id")).toLowerCase(Locale.ROOT);
                if (names.contains("comment") || names.contains("related")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Sourced<OffsetDateTime> withTimeOfDay(Sourced<OffsetDateTime> date, Sourced<OffsetDateTime> precise) {
        if (date == null || precise == null || date == precise) {
            return date;
        }
        boolean dayOnly = date.value().toLocalTime().equals(LocalTime.MIDNIGHT)
                && date.value().getOffset().equals(ZoneOffset.UTC);
        boolean sameDay = precise.value().toLocalDate().equals(date.value().toLocalDate());
        boolean hasTime = !precise.value().toLocalTime().equals(LocalTime.MIDNIGHT);
        return dayOnly && sameDay && hasTime ? precise : date;
    }

    /** The last-modified date the markup declares. */
    private static Sourced<OffsetDateTime> modifiedAt(PageScan scan, JsonLdArticle ld) {
        return Sourced.first(
                date("og-modified", scan.meta("article:modified_time", "og:updated_time", "datemodified",
                        "dcterms.modified", "last-modified")),
                date("json-ld-modified", ld == null ? null : ld.dateModified()));
    }

    /**
     * The publication date from a {@code <meta>} tag named after publishing that none of the known names
     * covers ("published-date", "w-published-date"), not a "last published" one (a republication); a name
     * that ends in "date" first, since the
     * "...-time" tags of some CMSs hold the time the page was generated.
     */
    private static String otherPublishedMeta(PageScan scan) {
        String best = null;
        String bestKey = null;
        for (Map.Entry<String, List<String>> e : scan.metas.entrySet()) {
            String key = e.getKey();
            if (!(key.contains("publish") || key.contains("pubdate") || key.contains("pub_date")
                    || key.contains("pub-date")) || key.contains("modif") || key.contains("updat") || key.contains("last")
                    || key.contains("publisher") || key.equals("datepublished") || e.getValue().isEmpty()
                    || DateParser.parseWithOffset(e.getValue().get(0)).isEmpty()) {
                continue;
            }
            boolean isDate = key.endsWith("date");
            if (best == null || (isDate && !bestKey.endsWith("date"))
                    || (isDate == bestKey.endsWith("date") && key.compareTo(bestKey) < 0)) {
                best = e.getValue().get(0);
                bestKey = key;
            }
        }
        return best;
    }

    private static String microdataDate(PageScan scan) {
        for (Element el : scan.microdataDates) {
            for (String value : new String[] {el.attr("content"), el.attr("datetime"), el.text()}) {
                if (DateParser.parseWithOffset(value).isPresent()) {
                    return value;
                }
            }
        }
        return null;
    }

    /**
     * The {@code <time>} that most likely dates the article rather than a sidebar teaser or a comment: one
     * marked as the publication date, else the first inside {@code <article>} or {@code <main>}, else the
     * first; never one in a comment or a related-stories box (other {@code <time>}s "outside the article"
     * by their wrappers' names are often the story's own, in a header or meta box). Its {@code datetime}, or
     * its text when that is missing or unreadable.
     */
    private static Sourced<OffsetDateTime> timeElement(PageScan scan) {
        if (scan.times.isEmpty()) {
            return null;
        }
        OffsetDateTime inArticle = null;
        OffsetDateTime first = null;
        for (Element time : scan.times) {
            boolean marked = time.attr("itemprop").equalsIgnoreCase("datePublished") || time.hasAttr("pubdate");
            boolean article = inArticle == null && time.closest(ARTICLE_OR_MAIN) != null;
            if (!marked && !article && first != null) {
                continue;
            }
            OffsetDateTime date = DateParser.parseWithOffset(time.attr("datetime"))
                    .or(() -> DateParser.find(Texts.clean(time.text()))).orElse(null);
            if (date == null || inCommentsOrRelated(time)) {
                continue;
            }
            if (marked) {
                return new Sourced<>(date, "time");
            }
            if (article) {
                inArticle = date;
            }
            if (first == null) {
                first = date;
            }
        }
        return Sourced.of(inArticle != null ? inArticle : first, "time");
    }

    private static Sourced<OffsetDateTime> date(String source, String raw) {
        return DateParser.parseWithOffset(raw).map(d -> new Sourced<>(d, source)).orElse(null);
    }

    // --- canonical URL and language -------------------------------------------------------------

    private static Sourced<String> canonicalUrl(PageScan scan, String pageUrl) {
        for (String href : scan.canonicalLinks) {
            Sourced<String> found = Sourced.of(acceptableCanonical(href, pageUrl), "link-canonical");
            if (found != null) {
                return found;
            }
        }
        return Sourced.of(acceptableCanonical(resolve(pageUrl, scan.meta("og:url")), pageUrl), "og");
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
}
