package io.newsflow.producer.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.newsflow.schema.FrontierKind;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedParserTest {

    static final URI FEED = URI.create("https://news.example/feeds/world.xml");

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void rss2ItemsAreResolvedAgainstTheFeedUrlWithTheirDates() throws Exception {
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>World</title><link>https://news.example/</link>
                  <item><title>Absolute</title><link>https://news.example/articles/a.html</link>
                    <pubDate>Mon, 10 Mar 2025 08:30:00 GMT</pubDate></item>
                  <item><title>Relative</title><link>../articles/b.html#comments</link></item>
                  <item><title>Guid only</title><guid isPermaLink="true">https://news.example/articles/c.html</guid></item>
                  <item><title>Mail</title><link>mailto:desk@news.example</link></item>
                  <item><title>Opaque guid</title><guid isPermaLink="false">12345</guid></item>
                  <item><title>Absolute again</title><link>https://news.example/articles/a.html</link>
                    <pubDate>Mon, 10 Mar 2025 09:00:00 GMT</pubDate></item>
                </channel></rss>
                """;

        List<DiscoveredUrl> urls = FeedParser.parse(utf8(rss), FEED);

        assertThat(urls).extracting(DiscoveredUrl::url).containsExactly(
                URI.create("https://news.example/articles/a.html"),
                URI.create("https://news.example/articles/b.html"),
                URI.create("https://news.example/articles/c.html"));
        assertThat(urls).extracting(DiscoveredUrl::kind).containsOnly(FrontierKind.PAGE);
        // listed twice: the later date wins
        assertThat(urls.get(0).lastModified()).isEqualTo(Instant.parse("2025-03-10T09:00:00Z"));
        assertThat(urls.get(1).lastModified()).isNull();
    }

    @Test
    void atomUsesTheAlternateLinkAndTheLaterOfPublishedAndUpdated() throws Exception {
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Courier</title><id>urn:courier</id><updated>2025-03-10T10:00:00Z</updated>
                  <link rel="self" href="https://news.example/atom.xml"/>
                  <entry>
                    <title>Tram line</title><id>urn:tram</id>
                    <link rel="enclosure" href="https://cdn.news.example/tram.jpg"/>
                    <link rel="alternate" type="text/html" href="/articles/tram.html"/>
                    <published>2025-03-09T07:00:00Z</published>
                    <updated>2025-03-10T07:15:00+01:00</updated>
                  </entry>
                </feed>
                """;

        List<DiscoveredUrl> urls = FeedParser.parse(utf8(atom), URI.create("https://news.example/atom.xml"));

        assertThat(urls).containsExactly(new DiscoveredUrl(URI.create("https://news.example/articles/tram.html"),
                FrontierKind.PAGE, Instant.parse("2025-03-10T06:15:00Z")));
    }

    @Test
    void rss1RdfItemsAreRead() throws Exception {
        String rdf = """
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                         xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel rdf:about="https://news.example/rdf"><title>R</title><link>https://news.example/</link>
                    <description>d</description></channel>
                  <item rdf:about="https://news.example/articles/rdf.html"><title>RDF item</title>
                    <link>https://news.example/articles/rdf.html</link><dc:date>2025-03-08T12:00:00Z</dc:date></item>
                </rdf:RDF>
                """;

        assertThat(FeedParser.parse(utf8(rdf), FEED)).containsExactly(new DiscoveredUrl(
                URI.create("https://news.example/articles/rdf.html"), FrontierKind.PAGE,
                Instant.parse("2025-03-08T12:00:00Z")));
    }

    @Test
    void rss091WithTheNetscapeDoctypeAndHtmlEntitiesIsRead() throws Exception {
        String rss = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
                  "http://my.netscape.com/publish/formats/rss-0.91.dtd">
                <rss version="0.91"><channel><title>Caf&eacute; news</title><link>https://news.example/</link>
                  <description>d</description><language>en</language>
                  <item><title>Old school&nbsp;feed</title><link>https://news.example/articles/old.html</link></item>
                </channel></rss>
                """;

        assertThat(FeedParser.parse(rss.getBytes(StandardCharsets.ISO_8859_1), FEED))
                .extracting(DiscoveredUrl::url)
                .containsExactly(URI.create("https://news.example/articles/old.html"));
    }

    @Test
    void charsetIsTakenFromTheContentTypeWhenTheDocumentDoesNotDeclareIt() throws Exception {
        String rss = "<rss version=\"2.0\"><channel><title>t</title><link>https://news.example/</link>"
                + "<item><link>https://news.example/caf\u00e9.html</link></item></channel></rss>";
        byte[] latin1 = rss.getBytes(StandardCharsets.ISO_8859_1);

        List<DiscoveredUrl> urls = FeedParser.parse(latin1, "application/rss+xml; charset=ISO-8859-1", FEED);

        assertThat(urls).extracting(u -> u.url().getPath()).containsExactly("/caf\u00e9.html");
    }

    @Test
    void externalEntitiesAreRefusedAndNeverResolved(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            hits.incrementAndGet();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        try {
            String xxe = "<?xml version=\"1.0\"?>\n"
                    + "<!DOCTYPE rss [\n"
                    + "  <!ENTITY file SYSTEM \"" + secret.toUri() + "\">\n"
                    + "  <!ENTITY remote SYSTEM \"http://127.0.0.1:" + server.getAddress().getPort() + "/x\">\n"
                    + "  <!ENTITY % dtd SYSTEM \"http://127.0.0.1:" + server.getAddress().getPort() + "/dtd\"> %dtd;\n"
                    + "]>\n"
                    + "<rss version=\"2.0\"><channel><title>&file;</title><link>https://news.example/</link>"
                    + "<item><link>https://news.example/&remote;</link><description>&file;</description></item>"
                    + "</channel></rss>";

            assertThatThrownBy(() -> FeedParser.parse(utf8(xxe), FEED))
                    .isInstanceOf(DiscoveryException.class)
                    .hasMessageContaining(FEED.toString())
                    .hasMessageNotContaining("TOP-SECRET");
            assertThat(hits).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void entityExpansionBombIsRefused() {
        String lol = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <rss version="2.0"><channel><title>&lol3;</title><link>https://news.example/</link></channel></rss>
                """;

        assertThatThrownBy(() -> FeedParser.parse(utf8(lol), FEED)).isInstanceOf(DiscoveryException.class);
    }

    @Test
    void anHtmlPageIsNotAFeed() {
        byte[] html = utf8("<!doctype html><html><head><title>x</title></head><body><p>hi</p></body></html>");

        assertThatThrownBy(() -> FeedParser.parse(html, FEED))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageContaining("feed " + FEED + ": not a readable RSS or Atom feed");
    }

    @Test
    void malformedXmlIsReported() {
        assertThatThrownBy(() -> FeedParser.parse(utf8("<rss version=\"2.0\"><channel><item>"), FEED))
                .isInstanceOf(DiscoveryException.class);
        assertThatThrownBy(() -> FeedParser.parse(new byte[0], FEED)).isInstanceOf(DiscoveryException.class);
    }

    @Test
    void onlyAPrologDoctypeWithoutInternalSubsetIsRemoved() {
        assertThat(FeedParser.withoutPlainDoctype("<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM \"x.dtd\"><rss/>"))
                .isEqualTo("<?xml version=\"1.0\"?><rss/>");
        String internal = "<!DOCTYPE rss [<!ENTITY a \"b\">]><rss/>";
        assertThat(FeedParser.withoutPlainDoctype(internal)).isEqualTo(internal);
        String inBody = "<rss><description><![CDATA[<!DOCTYPE html>]]></description></rss>";
        assertThat(FeedParser.withoutPlainDoctype(inBody)).isEqualTo(inBody);
    }
}
