package io.newsflow.producer.fetch;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides how to decode an HTML body, in this order: a byte order mark (it wins over everything);
 * the {@code charset} of the Content-Type header; a {@code <meta charset>} or
 * {@code <meta http-equiv="Content-Type" content="...; charset=...">} near the top of the page;
 * otherwise UTF-8 when the bytes are valid UTF-8, else windows-1252.
 *
 * <p>Real-world corrections, as browsers make them (WHATWG Encoding): a page declared UTF-8 (by header
 * or meta) whose bytes are not valid UTF-8 is almost always windows-1252, so it is decoded as such;
 * the labels ISO-8859-1, Latin-1 and US-ASCII mean windows-1252; a meta naming UTF-16 on a page
 * readable as ASCII means UTF-8. Stateless.
 */
public final class CharsetDetector {

    /** Where the decision came from. */
    public enum Source {
        /** A byte order mark at the start of the body. */
        BOM,
        /** The Content-Type header's charset parameter. */
        HEADER,
        /** A {@code <meta>} charset declaration in the page. */
        META,
        /** Declared UTF-8 (header or meta) but the bytes are not valid UTF-8: decoded as windows-1252. */
        INVALID_UTF8,
        /** Nothing usable declared: UTF-8 if the bytes are valid UTF-8, else windows-1252. */
        DEFAULT
    }

    /**
     * The charset to decode a body with, and why.
     *
     * @param charset never null
     * @param source where the decision came from
     */
    public record Detected(Charset charset, Source source) {
    }

    /** The windows-1252 charset (present in every JDK). */
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** How far into the body a {@code <meta>} declaration is looked for (jsoup reads about as far). */
    static final int META_SCAN_BYTES = 4096;

    private static final Pattern META = Pattern.compile(
            "<meta\\s[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

    private CharsetDetector() {
    }

    /** Detects the charset of {@code body} served with {@code contentType} (may be null). */
    public static Detected detect(String contentType, byte[] body) {
        Charset bom = bomCharset(body);
        if (bom != null) {
            return new Detected(bom, Source.BOM);
        }
        Charset declared = forLabel(headerCharset(contentType));
        if (declared != null) {
            return checked(declared, Source.HEADER, body);
        }
        Charset meta = forLabel(metaCharset(body));
        if (meta != null) {
            if (meta.name().startsWith("UTF-16") || meta.name().startsWith("UTF-32")) {
                meta = StandardCharsets.UTF_8; // the meta was readable as ASCII, so the page is not UTF-16
            }
            return checked(meta, Source.META, body);
        }
        return new Detected(isValidUtf8(body) ? StandardCharsets.UTF_8 : WINDOWS_1252, Source.DEFAULT);
    }

    private static Detected checked(Charset declared, Source source, byte[] body) {
        if (declared.equals(StandardCharsets.UTF_8) && !isValidUtf8(body)) {
            return new Detected(WINDOWS_1252, Source.INVALID_UTF8);
        }
        return new Detected(declared, source);
    }

    /** The charset named by a byte order mark, or null. */
    public static Charset bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /** The raw {@code charset} parameter of a Content-Type header, or null. */
    public static String headerCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                return p.substring("charset=".length()).replace("\"", "").replace("'", "").trim();
            }
        }
        return null;
    }

    /** The charset named by the first {@code <meta>} declaration near the top of the page, or null. */
    static String metaCharset(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META.matcher(COMMENT.matcher(head).replaceAll(""));
        return m.find() ? m.group(1) : null;
    }

    /**
     * The charset for an encoding label, with the WHATWG mappings browsers use (ISO-8859-1, Latin-1
     * and US-ASCII are windows-1252); null when the label is missing, unknown or not supported.
     */
    static Charset forLabel(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String l = label.trim().toLowerCase(Locale.ROOT);
        switch (l) {
            case "iso-8859-1", "iso8859-1", "latin1", "l1", "iso_8859-1", "us-ascii", "ascii", "cp819", "ibm819":
                return WINDOWS_1252;
            case "utf8", "unicode-1-1-utf-8":
                return StandardCharsets.UTF_8;
            default:
                try {
                    return Charset.forName(l);
                } catch (RuntimeException e) {
                    return null; // unknown or unsupported label: fall back to the next clue
                }
        }
    }

    /** True when {@code body} decodes as UTF-8 without a single malformed sequence. */
    public static boolean isValidUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(8192); // decoded in chunks: a 5 MB page needs no 10 MB copy
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return !decoder.flush(out).isError();
            }
            out.clear();
        }
    }
}
