package io.newsflow.producer.discover;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.newsflow.schema.FrontierKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the item links of an RSS (0.9x, 1.0, 2.0) or Atom (0.3, 1.0) feed with Rome.
 *
 * <p>Each item becomes a {@code PAGE} URL: its link (Atom: the {@code alternate} link; RSS: {@code <link>}, else
 * a permalink {@code <guid>}) resolved against the feed URL, with the later of its published and updated dates as
 * {@code lastModified}. Items without a usable http(s) link are skipped; an item listed twice is returned once.
 *
 * <p>Safety: Rome refuses any DOCTYPE by default ({@code disallow-doctype-decl}), which rules out external
 * entities (XXE) and entity expansion bombs; this class keeps that setting. Only a DOCTYPE <em>without</em> an
 * internal subset, such as the one RSS 0.91 feeds from Netscape carry, is removed before parsing, since it
 * cannot declare entities; Rome's XML healer then turns the HTML entities those feeds use into characters.
 *
 * <p>Stateless and thread-safe.
 */
public final class FeedParser {

    /** A DOCTYPE without an internal subset ({@code [...]}): it cannot declare entities. */
    private static final Pattern PLAIN_DOCTYPE = Pattern.compile("(?i)<!DOCTYPE\\s[^>\\[]*>");
    /** The first element start tag, i.e. the end of the prolog. */
    private static final Pattern FIRST_ELEMENT = Pattern.compile("<[A-Za-z_]");

    private FeedParser() {
    }

    /**
     * Parses a feed whose encoding is taken from its BOM or XML declaration.
     *
     * @param body the feed's bytes, as fetched (after HTTP content decoding)
     * @param feedUrl the feed's URL, used to resolve relative item links
     * @throws DiscoveryException if the body is not a feed Rome can read, or declares entities
     */
    public static List<DiscoveredUrl> parse(byte[] body, URI feedUrl) throws DiscoveryException {
        return parse(body, null, feedUrl);
    }

    /**
     * Parses a feed, taking its encoding also from the HTTP {@code Content-Type} (e.g.
     * {@code application/rss+xml; charset=windows-1252}), following RFC 3023 as Rome's {@link XmlReader} does.
     *
     * @param contentType the response's Content-Type header, or null
     */
    public static List<DiscoveredUrl> parse(byte[] body, String contentType, URI feedUrl) throws DiscoveryException {
        SyndFeed feed = read(body, contentType, feedUrl);
        Map<URI, DiscoveredUrl> items = new LinkedHashMap<>();
        for (SyndEntry entry : feed.getEntries()) {
            URI link = itemLink(entry, feedUrl);
            if (link != null) {
                items.merge(link, new DiscoveredUrl(link, FrontierKind.PAGE, latest(entry)), FeedParser::newer);
            }
        }
        return List.copyOf(items.values());
    }

    private static SyndFeed read(byte[] body, String contentType, URI feedUrl) throws DiscoveryException {
        String xml;
        try (InputStream in = new ByteArrayInputStream(body);
                Reader reader = contentType == null ? new XmlReader(in, true) : new XmlReader(in, contentType, true)) {
            xml = readAll(reader);
        } catch (IOException e) {
            throw new DiscoveryException("feed " + feedUrl + ": cannot decode: " + e.getMessage(), e);
        }
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false); // Rome's default; stated so that it is never changed by accident
        try {
            return input.build(new StringReader(withoutPlainDoctype(xml)));
        } catch (FeedException | IllegalArgumentException e) {
            throw new DiscoveryException("feed " + feedUrl + ": not a readable RSS or Atom feed: " + e.getMessage(), e);
        }
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; (n = reader.read(buffer)) > 0; ) {
            out.append(buffer, 0, n);
        }
        return out.toString();
    }

    /** Removes a DOCTYPE that cannot declare entities, if it is in the prolog; anything else is left for Rome to refuse. */
    static String withoutPlainDoctype(String xml) {
        Matcher doctype = PLAIN_DOCTYPE.matcher(xml);
        if (!doctype.find()) {
            return xml;
        }
        Matcher root = FIRST_ELEMENT.matcher(xml);
        if (root.find() && root.start() < doctype.start()) {
            return xml;
        }
        return xml.substring(0, doctype.start()) + xml.substring(doctype.end());
    }

    /** The item's page: the link, else an alternate link, else a guid/id that is an absolute URL. */
    private static URI itemLink(SyndEntry entry, URI feedUrl) {
        List<String> links = new ArrayList<>();
        links.add(entry.getLink());
        for (SyndLink link : entry.getLinks()) {
            if (link.getRel() == null || "alternate".equals(link.getRel())) {
                links.add(link.getHref());
            }
        }
        for (String link : links) {
            URI resolved = Links.resolveHttp(feedUrl, link);
            if (resolved != null) {
                return resolved;
            }
        }
        // A guid is an identifier, not a link: "12345" must not become <feed folder>/12345.
        return Links.resolveHttp(null, entry.getUri());
    }

    private static Instant latest(SyndEntry entry) {
        return Links.later(instant(entry.getPublishedDate()), instant(entry.getUpdatedDate()));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static DiscoveredUrl newer(DiscoveredUrl a, DiscoveredUrl b) {
        return new DiscoveredUrl(a.url(), a.kind(), Links.later(a.lastModified(), b.lastModified()));
    }
}
