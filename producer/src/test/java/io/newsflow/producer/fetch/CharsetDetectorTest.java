package io.newsflow.producer.fetch;

import static io.newsflow.producer.fetch.CharsetDetector.WINDOWS_1252;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.producer.fetch.CharsetDetector.Detected;
import io.newsflow.producer.fetch.CharsetDetector.Source;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetDetectorTest {

    static final String TEXT = "<html><head><title>Caf\u00e9</title></head><body>\u201cNa\u00efve\u201d \u2014 \u20ac5</body></html>";

    static byte[] encoded(String s, Charset charset) {
        return s.getBytes(charset);
    }

    static byte[] withBom(byte[] bom, byte[] body) {
        byte[] out = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, out, 0, bom.length);
        System.arraycopy(body, 0, out, bom.length, body.length);
        return out;
    }

    @Test
    void theHeaderCharsetIsUsedWhenTheBytesAgree() {
        assertThat(CharsetDetector.detect("text/html; charset=UTF-8", encoded(TEXT, StandardCharsets.UTF_8)))
                .isEqualTo(new Detected(StandardCharsets.UTF_8, Source.HEADER));
        assertThat(CharsetDetector.detect("text/html;charset=\"Shift_JIS\"", encoded("<p>\u65e5\u672c</p>",
                Charset.forName("Shift_JIS")))).isEqualTo(new Detected(Charset.forName("Shift_JIS"), Source.HEADER));
    }

    @Test
    void utf8InTheHeaderOverWindows1252BytesMeansWindows1252() {
        assertThat(CharsetDetector.detect("text/html; charset=utf-8", encoded(TEXT, WINDOWS_1252)))
                .isEqualTo(new Detected(WINDOWS_1252, Source.INVALID_UTF8));
    }

    @Test
    void utf8InAMetaOverWindows1252BytesMeansWindows1252() {
        byte[] body = encoded("<meta charset=\"utf-8\">" + TEXT, WINDOWS_1252);

        assertThat(CharsetDetector.detect("text/html", body)).isEqualTo(new Detected(WINDOWS_1252, Source.INVALID_UTF8));
    }

    @Test
    void aByteOrderMarkWinsOverHeaderAndMeta() {
        byte[] utf8 = withBom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                encoded("<meta charset=\"windows-1252\">" + TEXT, StandardCharsets.UTF_8));
        byte[] utf16 = withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, encoded(TEXT, StandardCharsets.UTF_16LE));

        assertThat(CharsetDetector.detect("text/html; charset=iso-8859-1", utf8))
                .isEqualTo(new Detected(StandardCharsets.UTF_8, Source.BOM));
        assertThat(CharsetDetector.detect("text/html; charset=utf-8", utf16))
                .isEqualTo(new Detected(StandardCharsets.UTF_16LE, Source.BOM));
    }

    @Test
    void metaCharsetAndHttpEquivAreReadWhenTheHeaderHasNone() {
        byte[] meta = encoded("<!doctype html><html><head><META CHARSET='windows-1251'><title>x</title>",
                StandardCharsets.US_ASCII);
        byte[] httpEquiv = encoded("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                + "charset=ISO-8859-15\"></head><body>\u20ac</body></html>", Charset.forName("ISO-8859-15"));

        assertThat(CharsetDetector.detect(null, meta)).isEqualTo(new Detected(Charset.forName("windows-1251"), Source.META));
        assertThat(CharsetDetector.detect("text/html", httpEquiv))
                .isEqualTo(new Detected(Charset.forName("ISO-8859-15"), Source.META));
    }

    @Test
    void aMetaInsideACommentIsIgnored() {
        byte[] body = encoded("<!-- <meta charset=\"koi8-r\"> --><meta charset=\"utf-8\"><p>ok</p>", StandardCharsets.UTF_8);

        assertThat(CharsetDetector.detect(null, body)).isEqualTo(new Detected(StandardCharsets.UTF_8, Source.META));
    }

    @Test
    void latin1AndAsciiLabelsMeanWindows1252() {
        byte[] body = encoded(TEXT, WINDOWS_1252);

        assertThat(CharsetDetector.detect("text/html; charset=ISO-8859-1", body).charset()).isEqualTo(WINDOWS_1252);
        assertThat(CharsetDetector.detect("text/html; charset=us-ascii", body).charset()).isEqualTo(WINDOWS_1252);
    }

    @Test
    void aMetaNamingUtf16MeansUtf8() {
        byte[] body = encoded("<meta charset=\"utf-16\">" + TEXT, StandardCharsets.UTF_8);

        assertThat(CharsetDetector.detect(null, body)).isEqualTo(new Detected(StandardCharsets.UTF_8, Source.META));
    }

    @Test
    void anUnknownLabelFallsBackToTheNextClue() {
        byte[] body = encoded("<meta charset=\"windows-1252\">" + TEXT, WINDOWS_1252);

        assertThat(CharsetDetector.detect("text/html; charset=no-such-charset", body))
                .isEqualTo(new Detected(WINDOWS_1252, Source.META));
    }

    @Test
    void withoutAnyDeclarationValidUtf8IsUtf8AndTheRestWindows1252() {
        assertThat(CharsetDetector.detect(null, encoded(TEXT, StandardCharsets.UTF_8)))
                .isEqualTo(new Detected(StandardCharsets.UTF_8, Source.DEFAULT));
        assertThat(CharsetDetector.detect(null, encoded(TEXT, WINDOWS_1252)))
                .isEqualTo(new Detected(WINDOWS_1252, Source.DEFAULT));
    }

    @Test
    void utf8ValidationSpansChunkBoundaries() {
        String longText = "\u00e9".repeat(20_000); // two bytes each, so sequences straddle the 8 KiB chunks
        byte[] valid = longText.getBytes(StandardCharsets.UTF_8);
        byte[] invalid = valid.clone();
        invalid[invalid.length - 1] = (byte) 0x41; // cuts the last sequence

        assertThat(CharsetDetector.isValidUtf8(valid)).isTrue();
        assertThat(CharsetDetector.isValidUtf8(invalid)).isFalse();
    }
}
