package io.newsflow.producer.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * Undoes a response's {@code Content-Encoding} (gzip, deflate, br, or several in a row) with a size
 * cap on the <em>decoded</em> bytes: decoding stops as soon as the cap is passed, so a small
 * compressed body that expands without bound (a "zip bomb") costs at most the cap in memory.
 * Stateless.
 */
public final class ContentDecoding {

    /** The value sent as {@code Accept-Encoding}: every encoding {@link #decode} undoes. */
    public static final String ACCEPT_ENCODING = "gzip, deflate, br";

    /** The decoded body would be larger than the cap. */
    public static final class TooLargeException extends IOException {
        TooLargeException(long max) {
            super("decompressed body larger than " + max + " bytes");
        }
    }

    /** A Content-Encoding that is not supported. */
    public static final class UnsupportedEncodingException extends IOException {
        UnsupportedEncodingException(String encoding) {
            super("unsupported Content-Encoding '" + encoding + "'");
        }
    }

    private ContentDecoding() {
    }

    /**
     * Decodes {@code raw}, encoded as {@code contentEncoding} (a header value, may be null or empty),
     * into at most {@code maxBytes} bytes.
     *
     * @throws TooLargeException when the decoded body exceeds {@code maxBytes}
     * @throws UnsupportedEncodingException for an encoding other than gzip, deflate, br and identity
     * @throws IOException when the body is not validly encoded
     */
    public static byte[] decode(byte[] raw, String contentEncoding, long maxBytes) throws IOException {
        List<String> encodings = new ArrayList<>();
        if (contentEncoding != null) {
            for (String e : contentEncoding.split(",")) {
                String name = e.trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !name.equals("identity")) {
                    encodings.add(name);
                }
            }
        }
        // Encodings are listed in the order they were applied, so they are undone in reverse.
        Collections.reverse(encodings);
        byte[] body = raw;
        for (String encoding : encodings) {
            body = decodeOne(body, encoding, maxBytes);
        }
        return body;
    }

    private static byte[] decodeOne(byte[] raw, String encoding, long maxBytes) throws IOException {
        switch (encoding) {
            case "gzip", "x-gzip":
                return readCapped(new GZIPInputStream(new ByteArrayInputStream(raw)), maxBytes);
            case "br":
                return readCapped(new BrotliInputStream(new ByteArrayInputStream(raw)), maxBytes);
            case "deflate":
                // RFC 9110 "deflate" is zlib-wrapped, but some servers send raw deflate: tell them apart by
                // the zlib header (CMF byte 0x?8 and a header checksum that divides by 31).
                boolean zlib = raw.length >= 2 && (raw[0] & 0x0F) == 8
                        && (((raw[0] & 0xFF) << 8) | (raw[1] & 0xFF)) % 31 == 0;
                Inflater inflater = new Inflater(!zlib);
                try {
                    return readCapped(new InflaterInputStream(new ByteArrayInputStream(raw), inflater), maxBytes);
                } finally {
                    inflater.end();
                }
            default:
                throw new UnsupportedEncodingException(encoding);
        }
    }

    private static byte[] readCapped(InputStream in, long maxBytes) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new TooLargeException(maxBytes);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }
}
