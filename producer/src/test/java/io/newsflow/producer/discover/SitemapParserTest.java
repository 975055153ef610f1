package io.newsflow.producer.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schema.FrontierKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class SitemapParserTest {

    static final URI SITEMAP = URI.create("https://news.example/sitemaps/articles.xml");

    static final String URLSET = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>https://news.example/articles/a.html</loc><lastmod>2025-03-10T08:00:00+00:00</lastmod></url>
              <url><loc>https://news.example/articles/b.html</loc><lastmod>2025-03-09</lastmod></url>
              <url><loc>https://news.example/articles/c.html</loc></url>
              <url><loc>ftp://news.example/files/d.zip</loc></url>
            </urlset>
            """;

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void urlsetGivesPagesWithLastmodIncludingPagesOutsideTheSitemapFolder() throws Exception {
        List<DiscoveredUrl> urls = SitemapParser.parse(utf8(URLSET), "application/xml", SITEMAP);

        assertThat(urls).containsExactly(
                new DiscoveredUrl(URI.create("https://news.example/articles/a.html"), FrontierKind.PAGE,
                        Instant.parse("2025-03-10T08:00:00Z")),
                new DiscoveredUrl(URI.create("https://news.example/articles/b.html"), FrontierKind.PAGE,
                        Instant.parse("2025-03-09T00:00:00Z")),
                new DiscoveredUrl(URI.create("https://news.example/articles/c.html"), FrontierKind.PAGE, null));
    }

    @Test
    void sitemapIndexGivesItsChildSitemaps() throws Exception {
        String index = """
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>https://news.example/sitemaps/2025-03.xml.gz</loc><lastmod>2025-03-10T09:00:00Z</lastmod></sitemap>
                  <sitemap><loc>https://news.example/sitemaps/2025-02.xml</loc></sitemap>
                </sitemapindex>
                """;

        List<DiscoveredUrl> urls = SitemapParser.parse(utf8(index), "text/xml; charset=utf-8",
                URI.create("https://news.example/sitemap_index.xml"));

        assertThat(urls).containsExactly(
                new DiscoveredUrl(URI.create("https://news.example/sitemaps/2025-03.xml.gz"), FrontierKind.SITEMAP,
                        Instant.parse("2025-03-10T09:00:00Z")),
                new DiscoveredUrl(URI.create("https://news.example/sitemaps/2025-02.xml"), FrontierKind.SITEMAP, null));
    }

    @Test
    void googleNewsPublicationDateBecomesLastModified() throws Exception {
        String news = """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                  <url><loc>https://news.example/articles/ferry.html</loc>
                    <news:news>
                      <news:publication><news:name>The Harbour Courier</news:name><news:language>en</news:language></news:publication>
                      <news:publication_date>2025-03-10T06:45:00+01:00</news:publication_date>
                      <news:title>Ferry terminal bombing suspect arrested</news:title>
                    </news:news>
                  </url>
                </urlset>
                """;

        assertThat(SitemapParser.parse(utf8(news), null, URI.create("https://news.example/news-sitemap.xml")))
                .containsExactly(new DiscoveredUrl(URI.create("https://news.example/articles/ferry.html"),
                        FrontierKind.PAGE, Instant.parse("2025-03-10T05:45:00Z")));
    }

    @Test
    void gzippedSitemapIsSniffedWhateverTheContentType() throws Exception {
        List<DiscoveredUrl> urls = SitemapParser.parse(gzip(utf8(URLSET)), "application/octet-stream",
                URI.create("https://news.example/sitemaps/articles.xml.gz"));

        assertThat(urls).hasSize(3);
    }

    @Test
    void gzipBombIsRefused() throws Exception {
        byte[] bomb = gzip(new byte[1024 * 1024]); // ~1 KiB that inflates to 1 MiB

        assertThatThrownBy(() -> SitemapParser.parse(bomb, "application/gzip", SITEMAP, 64 * 1024))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageContaining("larger than 65536 bytes after decompression");
    }

    @Test
    void plainSitemapOverTheCapIsRefused() {
        assertThatThrownBy(() -> SitemapParser.parse(utf8(URLSET), "application/xml", SITEMAP, 100))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageContaining("larger than 100 bytes");
    }

    @Test
    void textSitemapListsOneUrlPerLine() throws Exception {
        String text = "https://news.example/articles/a.html\n\n  https://news.example/articles/b.html  \nnot a url\n";

        assertThat(SitemapParser.parse(utf8(text), "text/plain", URI.create("https://news.example/sitemap.txt")))
                .extracting(DiscoveredUrl::url)
                .containsExactly(URI.create("https://news.example/articles/a.html"),
                        URI.create("https://news.example/articles/b.html"));
    }

    @Test
    void xmlLabelledAsTextIsStillReadAsXml() throws Exception {
        assertThat(SitemapParser.parse(utf8(URLSET), "text/plain", SITEMAP)).hasSize(3);
    }

    @Test
    void truncatedSitemapYieldsTheUrlsBeforeTheCut() throws Exception {
        String cut = URLSET.substring(0, URLSET.indexOf("<url><loc>https://news.example/articles/c.html") + 20);

        assertThat(SitemapParser.parse(utf8(cut), "application/xml", SITEMAP))
                .extracting(DiscoveredUrl::url)
                .contains(URI.create("https://news.example/articles/a.html"),
                        URI.create("https://news.example/articles/b.html"));
    }

    @Test
    void htmlPageIsNotASitemap() {
        byte[] html = utf8("<!doctype html><html><body><a href=\"/a\">a</a></body></html>");

        assertThatThrownBy(() -> SitemapParser.parse(html, "text/html; charset=utf-8", SITEMAP))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageContaining("sitemap " + SITEMAP);
    }

    @Test
    void xmlThatIsNoSitemapIsReported() {
        byte[] other = utf8("<?xml version=\"1.0\"?><catalog><book>x</book></catalog>");

        assertThatThrownBy(() -> SitemapParser.parse(other, "application/xml", SITEMAP))
                .isInstanceOf(DiscoveryException.class);
    }

    @Test
    void doctypeWithExternalEntityIsRefused() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://news.example/&xxe;</loc></url></urlset>
                """;

        assertThatThrownBy(() -> SitemapParser.parse(utf8(xxe), "application/xml", SITEMAP))
                .isInstanceOf(DiscoveryException.class);
    }

    @Test
    void robotsSitemapLinesAreResolvedInFileOrder() {
        String robots = """
                User-agent: *
                Disallow: /search
                Sitemap: https://news.example/news-sitemap.xml
                Sitemap: /sitemap_index.xml
                Sitemap: https://news.example/news-sitemap.xml
                Sitemap: ftp://news.example/old.xml
                """;

        assertThat(SitemapParser.sitemapsFromRobots(utf8(robots), URI.create("https://news.example/robots.txt")))
                .containsExactly(URI.create("https://news.example/news-sitemap.xml"),
                        URI.create("https://news.example/sitemap_index.xml"));
    }
}
