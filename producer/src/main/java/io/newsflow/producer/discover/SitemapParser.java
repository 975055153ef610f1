package io.newsflow.producer.discover;

import crawlercommons.mimetypes.MimeTypeDetector;
import crawlercommons.robots.SimpleRobotRulesParser;
import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import io.newsflow.schema.FrontierKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads sitemaps with crawler-commons' {@code SiteMapParser}: XML url sets, sitemap indexes, Google News sitemaps,
 * plain-text sitemaps (one URL a line), RSS/Atom used as sitemaps, and any of these gzip'd.
 *
 * <ul>
 *   <li>A url set gives {@code PAGE} URLs; {@code lastModified} is the later of {@code <lastmod>} and the Google
 *       News {@code <news:publication_date>}.</li>
 *   <li>A sitemap index gives its child sitemaps as {@code SITEMAP} URLs with their {@code <lastmod>}; the caller
 *       fetches and parses them in turn (nothing is fetched here).</li>
 * </ul>
 *
 * <p>The format is sniffed from the bytes (a gzip header, {@code <?xml}, {@code <urlset}, {@code http://}, ...);
 * the Content-Type is used only when sniffing finds nothing, because servers label sitemaps wrongly so often.
 * Gzip'd bodies are decompressed here with a cap ({@link #MAX_BYTES} by default, the sitemap protocol's limit),
 * so a decompression bomb is refused. Parsing is lenient: URLs outside the sitemap's folder are kept (news sites
 * put sitemaps under {@code /sitemaps/} listing pages elsewhere; filter them by source rules instead), and a
 * truncated sitemap yields the URLs before the cut. DOCTYPEs are refused by crawler-commons (no XXE).
 *
 * <p>Stateless and thread-safe.
 */
public final class SitemapParser {

    /** Largest sitemap accepted, after decompression: 50 MiB, the limit of the sitemap protocol. */
    public static final int MAX_BYTES = crawlercommons.sitemaps.SiteMapParser.MAX_BYTES_ALLOWED;

    private static final MimeTypeDetector SNIFFER = new MimeTypeDetector();

    private SitemapParser() {
    }

    /**
     * Parses a sitemap of at most {@link #MAX_BYTES} (after decompression).
     *
     * @param body the bytes as fetched (after HTTP content decoding; a {@code .xml.gz} file stays gzip'd)
     * @param contentType the response's Content-Type header, or null; only used when the bytes do not tell
     * @param sitemapUrl the sitemap's URL, against which relative URLs are resolved
     * @throws DiscoveryException if the body is no sitemap, unreadable, or larger than the cap
     */
    public static List<DiscoveredUrl> parse(byte[] body, String contentType, URI sitemapUrl) throws DiscoveryException {
        return parse(body, contentType, sitemapUrl, MAX_BYTES);
    }

    /** As {@link #parse(byte[], String, URI)}, with a lower cap on the (decompressed) size. */
    public static List<DiscoveredUrl> parse(byte[] body, String contentType, URI sitemapUrl, int maxBytes)
            throws DiscoveryException {
        byte[] content = isGzip(body) ? gunzip(body, maxBytes, sitemapUrl) : body;
        if (content.length > maxBytes) {
            throw new DiscoveryException("sitemap " + sitemapUrl + ": larger than " + maxBytes + " bytes");
        }
        AbstractSiteMap sitemap;
        try {
            crawlercommons.sitemaps.SiteMapParser parser = new crawlercommons.sitemaps.SiteMapParser(false, true);
            parser.enableExtension(Extension.NEWS);
            sitemap = parser.parseSiteMap(mediaType(content, contentType, sitemapUrl), content, toUrl(sitemapUrl));
        } catch (UnknownFormatException | IOException e) {
            throw new DiscoveryException("sitemap " + sitemapUrl + ": not a readable sitemap: " + e.getMessage(), e);
        }
        Map<URI, DiscoveredUrl> found = new LinkedHashMap<>();
        if (sitemap.isIndex()) {
            for (AbstractSiteMap child : ((SiteMapIndex) sitemap).getSitemaps()) {
                add(found, sitemapUrl, child.getUrl(), FrontierKind.SITEMAP, instant(child.getLastModified()));
            }
        } else {
            for (SiteMapURL page : ((SiteMap) sitemap).getSiteMapUrls()) {
                Instant date = Links.later(instant(page.getLastModified()), newsPublicationDate(page));
                add(found, sitemapUrl, page.getUrl(), FrontierKind.PAGE, date);
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * The {@code Sitemap:} URLs of a robots.txt file (RFC 9309 section 2.2.4), resolved against its URL, in file
     * order, http(s) only. They apply to every user agent, so no agent name is needed.
     */
    public static List<URI> sitemapsFromRobots(byte[] robotsTxt, URI robotsUrl) {
        List<String> declared = new SimpleRobotRulesParser()
                .parseContent(robotsUrl.toString(), robotsTxt, "text/plain", List.of("*"))
                .getSitemaps();
        Set<URI> out = new LinkedHashSet<>();
        for (String s : declared) {
            URI uri = Links.resolveHttp(robotsUrl, s);
            if (uri != null) {
                out.add(uri);
            }
        }
        return List.copyOf(out);
    }

    private static void add(Map<URI, DiscoveredUrl> found, URI base, URL url, FrontierKind kind, Instant date) {
        URI uri = url == null ? null : Links.resolveHttp(base, url.toString());
        if (uri != null) {
            found.merge(uri, new DiscoveredUrl(uri, kind, date),
                    (a, b) -> new DiscoveredUrl(uri, kind, Links.later(a.lastModified(), b.lastModified())));
        }
    }

    private static Instant newsPublicationDate(SiteMapURL page) {
        ExtensionMetadata[] news = page.getAttributesForExtension(Extension.NEWS);
        Instant latest = null;
        if (news != null) {
            for (ExtensionMetadata metadata : news) {
                if (metadata instanceof NewsAttributes attributes && attributes.getPublicationDateTime() != null) {
                    latest = Links.later(latest, attributes.getPublicationDateTime().toInstant());
                }
            }
        }
        return latest;
    }

    private static String mediaType(byte[] content, String contentType, URI sitemapUrl) throws DiscoveryException {
        String sniffed = SNIFFER.detect(content);
        if (sniffed != null) {
            return sniffed;
        }
        if (contentType == null || contentType.isBlank()) {
            throw new DiscoveryException("sitemap " + sitemapUrl + ": neither XML nor a list of URLs, and no Content-Type");
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isGzip(byte[] body) {
        return body.length >= 2 && body[0] == (byte) 0x1f && body[1] == (byte) 0x8b;
    }

    private static byte[] gunzip(byte[] body, int maxBytes, URI sitemapUrl) throws DiscoveryException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] out = in.readNBytes(maxBytes);
            if (in.read() != -1) {
                throw new DiscoveryException("sitemap " + sitemapUrl + ": larger than " + maxBytes
                        + " bytes after decompression");
            }
            return out;
        } catch (IOException e) {
            throw new DiscoveryException("sitemap " + sitemapUrl + ": broken gzip: " + e.getMessage(), e);
        }
    }

    private static URL toUrl(URI uri) throws DiscoveryException {
        try {
            return uri.toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new DiscoveryException("sitemap URL " + uri + " is not a URL: " + e.getMessage(), e);
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
