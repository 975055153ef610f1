package io.newsflow.producer.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentSnifferTest {

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] signature(int... b) {
        byte[] out = new byte[64];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        for (int i = b.length; i < out.length; i++) {
            out[i] = 'x';
        }
        return out;
    }

    @Test
    void knownBinaryFormatsAreNotHtmlWhateverTheHeaderSays() {
        assertThat(ContentSniffer.sniffHtml("text/html", bytes("%PDF-1.7\n..."))).satisfies(v -> {
            assertThat(v.html()).isFalse();
            assertThat(v.reason()).isEqualTo("not HTML: body is PDF (Content-Type text/html)");
        });
        assertThat(ContentSniffer.sniffHtml("text/html", signature(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)).html())
                .isFalse();
        assertThat(ContentSniffer.sniffHtml("text/html", signature('P', 'K', 3, 4)).html()).isFalse();
        assertThat(ContentSniffer.sniffHtml("text/html", signature(0xFF, 0xD8, 0xFF, 0xE0)).html()).isFalse();
        assertThat(ContentSniffer.sniffHtml("text/html", bytes("GIF89a......")).html()).isFalse();
        assertThat(ContentSniffer.sniffHtml("text/html", signature(0, 0, 0, 0x20, 'f', 't', 'y', 'p')).reason())
                .contains("MP4");
        assertThat(ContentSniffer.sniffHtml("text/html", signature(0x1F, 0x8B, 0x08)).reason()).contains("gzip");
    }

    @Test
    void controlBytesMeanBinaryData() {
        assertThat(ContentSniffer.sniffHtml("text/html", bytes("<html>\u0000\u0001\u0002")).reason())
                .contains("binary data (byte 0x0 at 6)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/octet-stream", "text/plain; charset=utf-8", "binary/octet-stream", ""})
    void htmlWithAGenericTypeIsAccepted(String type) {
        assertThat(ContentSniffer.sniffHtml(type.isEmpty() ? null : type,
                bytes("\n  <!DOCTYPE html><html><body>x</body></html>")).html()).isTrue();
        assertThat(ContentSniffer.sniffHtml(type, bytes("<div class=a>x</div>")).html()).isTrue();
    }

    @Test
    void plainTextWithAGenericTypeIsNotHtml() {
        assertThat(ContentSniffer.sniffHtml("text/plain", bytes("User-agent: *\nDisallow: /")).html()).isFalse();
        assertThat(ContentSniffer.sniffHtml("application/octet-stream", bytes("<bogus>")).html()).isFalse();
    }

    @Test
    void aSpecificNonHtmlTypeIsNotHtmlEvenWithMarkup() {
        assertThat(ContentSniffer.sniffHtml("application/json", bytes("{\"html\": \"<p>\"}")).html()).isFalse();
        assertThat(ContentSniffer.sniffHtml("image/svg+xml", bytes("<svg></svg>")).html()).isFalse();
    }

    @Test
    void textHtmlAndXhtmlAreAcceptedWhenTheBytesAreText() {
        assertThat(ContentSniffer.sniffHtml("text/html", bytes("Just words, no tags.")).html()).isTrue();
        assertThat(ContentSniffer.sniffHtml("application/xhtml+xml", bytes("<?xml version=\"1.0\"?><html/>")).html())
                .isTrue();
    }

    @Test
    void utf16HtmlDeclaredInTheHeaderIsText() {
        byte[] body = "<html><body>x</body></html>".getBytes(StandardCharsets.UTF_16BE);

        assertThat(ContentSniffer.sniffHtml("text/html; charset=UTF-16BE", body).html()).isTrue();
        assertThat(ContentSniffer.sniffHtml("text/html", body).html()).isFalse(); // undeclared zero bytes
    }

    @Test
    void utf16HtmlWithABomIsText() {
        byte[] body = ("\uFEFF<html><body>x</body></html>").getBytes(StandardCharsets.UTF_16LE);

        assertThat(ContentSniffer.binaryFormat(body)).isNull();
        assertThat(ContentSniffer.sniffHtml("application/octet-stream", body).html()).isTrue();
    }
}
