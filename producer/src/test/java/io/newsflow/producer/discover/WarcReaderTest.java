package io.newsflow.producer.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/** Every WARC is written by the test with jwarc's writer; no binary fixture. */
class WarcReaderTest {

    static final String PAGE = "<html><head><title>Tram line</title></head><body><p>Council approves.</p></body></html>";
    static final Instant CAPTURED = Instant.parse("2025-03-10T12:00:00Z");

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** An HTTP response exactly as it went over the wire, headers and body. */
    static byte[] http(String statusLine, String headers, byte[] body) {
        return concat(bytes(statusLine + "\r\n" + headers + "\r\n"), body);
    }

    static void response(WarcWriter writer, String url, byte[] rawHttp) throws IOException {
        writer.write(new WarcResponse.Builder(URI.create(url)).date(CAPTURED)
                .body(MediaType.HTTP_RESPONSE, rawHttp).build());
    }

    /** A WARC with one record of each case the reader must tell apart. */
    static Path sampleWarc(Path dir, WarcCompression compression) throws IOException {
        Path file = dir.resolve(compression == WarcCompression.GZIP ? "sample.warc.gz" : "sample.warc");
        byte[] page = bytes(PAGE);
        byte[] gzipped = gzip(page);
        String chunked = Integer.toHexString(gzipped.length) + "\r\n";
        byte[] chunkedGzip = concat(concat(bytes(chunked), gzipped), bytes("\r\n0\r\n\r\n"));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
                WarcWriter writer = new WarcWriter(channel, compression)) {
            writer.write(new Warcinfo.Builder().fields(Map.of("software", List.of("newsflow-test"))).build());
            writer.write(new WarcRequest.Builder(URI.create("https://news.example/articles/plain.html"))
                    .body(new HttpRequest.Builder("GET", "/articles/plain.html").addHeader("Host", "news.example").build())
                    .build());
            response(writer, "https://news.example/articles/plain.html", http("HTTP/1.1 200 OK",
                    "Content-Type: text/html; charset=utf-8\r\nContent-Length: " + page.length + "\r\n", page));
            response(writer, "https://news.example/articles/chunked-gzip.html", http("HTTP/1.1 200 OK",
                    "Content-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n", chunkedGzip));
            response(writer, "https://news.example/articles/missing.html", http("HTTP/1.1 404 Not Found",
                    "Content-Type: text/html\r\nContent-Length: 2\r\n", bytes("no")));
            response(writer, "https://news.example/old", http("HTTP/1.1 301 Moved Permanently",
                    "Location: /new\r\nContent-Length: 0\r\n", new byte[0]));
            byte[] big = new byte[3000];
            response(writer, "https://news.example/articles/big.html", http("HTTP/1.1 200 OK",
                    "Content-Type: text/html\r\nContent-Length: 3000\r\n", big));
            response(writer, "https://news.example/articles/bad-gzip.html", http("HTTP/1.1 200 OK",
                    "Content-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: 9\r\n", bytes("not gzip!")));
            writer.write(new WarcRevisit.Builder(URI.create("https://news.example/articles/plain.html"))
                    .refersTo(URI.create("urn:uuid:00000000-0000-0000-0000-000000000000"),
                            URI.create("https://news.example/articles/plain.html"), CAPTURED)
                    .build());
            writer.write(new WarcMetadata.Builder().targetURI("https://news.example/articles/plain.html")
                    .fields(Map.of("via", List.of("https://news.example/"))).build());
            writer.write(new WarcResource.Builder(URI.create("https://news.example/logo.txt"))
                    .body(MediaType.PLAIN_TEXT, bytes("logo")).build());
        }
        return file;
    }

    @ParameterizedTest
    @EnumSource(WarcCompression.class)
    void yieldsDecodedSuccessfulResponsesAndCountsTheRest(WarcCompression compression, @TempDir Path dir)
            throws IOException {
        Path warc = sampleWarc(dir, compression);
        List<WarcPage> pages = new ArrayList<>();
        WarcReader.Counts counts;
        try (WarcReader reader = new WarcReader(warc, 2000)) {
            reader.forEachRemaining(pages::add);
            counts = reader.counts();
        }

        assertThat(pages).extracting(WarcPage::url).containsExactly(
                URI.create("https://news.example/articles/plain.html"),
                URI.create("https://news.example/articles/chunked-gzip.html"));
        assertThat(pages).allSatisfy(p -> {
            assertThat(new String(p.body(), StandardCharsets.UTF_8)).isEqualTo(PAGE);
            assertThat(p.status()).isEqualTo(200);
            assertThat(p.date()).isEqualTo(CAPTURED);
        });
        assertThat(pages.get(0).contentType()).isEqualTo("text/html; charset=utf-8");
        // warcinfo, request, revisit, metadata, resource | 404, 301 | big | bad gzip
        assertThat(counts).isEqualTo(new WarcReader.Counts(2, 5, 2, 1, 1));
    }

    @Test
    void readDeliversEveryPageToTheSink(@TempDir Path dir) throws IOException {
        Path warc = sampleWarc(dir, WarcCompression.GZIP);
        List<URI> urls = new ArrayList<>();

        WarcReader.Counts counts = WarcReader.read(warc, page -> urls.add(page.url()));

        // the default cap lets the 3000-byte page through
        assertThat(urls).containsExactly(URI.create("https://news.example/articles/plain.html"),
                URI.create("https://news.example/articles/chunked-gzip.html"),
                URI.create("https://news.example/articles/big.html"));
        assertThat(counts.pages()).isEqualTo(3);
        assertThat(counts.tooLarge()).isZero();
    }

    @Test
    void streamIsLazyAndStopsWhenTheCallerHasEnough(@TempDir Path dir) throws IOException {
        Path warc = sampleWarc(dir, WarcCompression.GZIP);

        try (Stream<WarcPage> pages = WarcReader.stream(warc, 2000)) {
            assertThat(pages.limit(1).map(WarcPage::url).collect(Collectors.toList()))
                    .containsExactly(URI.create("https://news.example/articles/plain.html"));
        }
    }

    @Test
    void aTruncatedFileFailsAfterThePagesBeforeTheDamage(@TempDir Path dir) throws IOException {
        Path warc = dir.resolve("cut.warc.gz");
        long endOfFirst;
        try (FileChannel channel = FileChannel.open(warc, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                WarcWriter writer = new WarcWriter(channel, WarcCompression.GZIP)) {
            byte[] page = bytes(PAGE);
            response(writer, "https://news.example/a.html", http("HTTP/1.1 200 OK",
                    "Content-Type: text/html\r\nContent-Length: " + page.length + "\r\n", page));
            endOfFirst = writer.position();
            byte[] noise = new byte[20_000];
            new java.util.Random(7).nextBytes(noise);
            response(writer, "https://news.example/b.html", http("HTTP/1.1 200 OK",
                    "Content-Type: text/html\r\nContent-Length: 20000\r\n", noise));
        }
        try (FileChannel channel = FileChannel.open(warc, StandardOpenOption.WRITE)) {
            channel.truncate(endOfFirst + 200);
        }
        List<URI> delivered = new ArrayList<>();

        assertThatThrownBy(() -> WarcReader.read(warc, page -> delivered.add(page.url())))
                .isInstanceOf(IOException.class);
        assertThat(delivered).containsExactly(URI.create("https://news.example/a.html"));
    }

    @Test
    void notAWarcFileIsAnError(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.warc"), "these are not WARC records\n");

        assertThatThrownBy(() -> WarcReader.read(text, page -> { })).isInstanceOf(IOException.class);
    }

    @Test
    void filesOfAFolderAreTheMatchingOnesInPathOrder(@TempDir Path dir) throws IOException {
        Path b = Files.createDirectories(dir.resolve("2025/03")).resolve("b.warc");
        Files.writeString(b, "");
        Path a = Files.writeString(dir.resolve("a.warc.gz"), "");
        Files.writeString(dir.resolve("notes.txt"), "");
        Files.writeString(dir.resolve("c.warc.gz.open"), "");

        assertThat(WarcReader.files(dir, WarcReader.DEFAULT_GLOB)).containsExactly(b, a);
        assertThat(WarcReader.files(a, WarcReader.DEFAULT_GLOB)).containsExactly(a);
        assertThatThrownBy(() -> WarcReader.files(dir.resolve("nope"), "*")).isInstanceOf(IOException.class);
    }
}
