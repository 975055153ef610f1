package io.newsflow.producer.fetch;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a body is HTML from its bytes, not from the Content-Type header alone (after the
 * WHATWG MIME Sniffing rules): a body that starts with the signature of a known binary format (PDF,
 * images, archives, media, fonts) or holds bytes that never occur in text is not HTML whatever the
 * header says; a body that starts like HTML is accepted when the header is missing or generic
 * ({@code application/octet-stream}, {@code text/plain}, ...). Stateless.
 */
public final class ContentSniffer {

    /** The verdict on one body. */
    public record Verdict(boolean html, String reason) {
    }

    private record Signature(String name, byte[] prefix, int offset) {
    }

    // Only signatures that plain text cannot start with: formats with a short text-like signature
    // (BMP "BM", executables "MZ", MP3 "ID3") have zero bytes in their header and are caught by the
    // binary-byte check below.

    /** Bytes of the body looked at, as in the WHATWG rules. */
    static final int SNIFF_BYTES = 1445;

    private static final List<Signature> SIGNATURES = List.of(
            sig("PDF", "%PDF-"),
            sig("PostScript", "%!PS-Adobe-"),
            sig("PNG", 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A),
            sig("JPEG", 0xFF, 0xD8, 0xFF),
            sig("GIF", "GIF87a"),
            sig("GIF", "GIF89a"),
            sig("WebP", "RIFF"), // RIFF covers WebP, WAV and AVI
            sig("ICO", 0x00, 0x00, 0x01, 0x00),
            sig("ZIP (or DOCX, XLSX, EPUB)", 'P', 'K', 0x03, 0x04),
            sig("gzip", 0x1F, 0x8B, 0x08),
            sig("7-Zip", '7', 'z', 0xBC, 0xAF, 0x27, 0x1C),
            sig("RAR", 'R', 'a', 'r', '!', 0x1A, 0x07),
            sig("xz", 0xFD, '7', 'z', 'X', 'Z', 0x00),
            sig("Zstandard", 0x28, 0xB5, 0x2F, 0xFD),
            sig("OLE (DOC, XLS, PPT)", 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1),
            sig("Ogg", "OggS"),
            sig("FLAC", "fLaC"),
            sig("Matroska/WebM", 0x1A, 0x45, 0xDF, 0xA3),
            sig("WOFF", "wOFF"),
            sig("WOFF2", "wOF2"),
            sig("ELF", 0x7F, 'E', 'L', 'F'),
            new Signature("MP4/QuickTime", "ftyp".getBytes(StandardCharsets.ISO_8859_1), 4));

    /** Tags that open an HTML document (WHATWG "HTML" pattern), each followed by a space or '>'. */
    private static final List<String> HTML_STARTS = List.of("<!doctype html", "<html", "<head", "<script", "<iframe",
            "<h1", "<div", "<font", "<table", "<a", "<style", "<title", "<b", "<body", "<br", "<p", "<!--", "<meta",
            "<link", "<?xml");

    private ContentSniffer() {
    }

    /**
     * Whether {@code body}, served with {@code contentType} (may be null), is an HTML page to parse.
     * The reason says why not (or how it was recognised).
     */
    public static Verdict sniffHtml(String contentType, byte[] body) {
        String type = mediaType(contentType);
        String charset = String.valueOf(CharsetDetector.headerCharset(contentType)).toLowerCase(Locale.ROOT);
        boolean wideCharset = charset.startsWith("utf-16") || charset.startsWith("utf-32");
        // A declared UTF-16/32 page is full of zero bytes: only signatures can tell it is not text.
        String binary = wideCharset ? signature(body) : binaryFormat(body);
        if (binary != null) {
            return new Verdict(false, "not HTML: body is " + binary + " (Content-Type " + contentType + ")");
        }
        if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
            return new Verdict(true, "Content-Type " + type);
        }
        if (isGeneric(type)) {
            return looksLikeHtml(body) ? new Verdict(true, "HTML markup (Content-Type " + contentType + ")")
                    : new Verdict(false, "not HTML: no HTML markup (Content-Type " + contentType + ")");
        }
        return new Verdict(false, "not HTML (Content-Type " + contentType + ")");
    }

    /** The name of the binary format {@code body} is in, or null when it may be text. */
    public static String binaryFormat(byte[] body) {
        String signature = signature(body);
        if (signature != null) {
            return signature;
        }
        if (CharsetDetector.bomCharset(body) != null) {
            return null; // UTF-16 text has zero bytes; a BOM says it is text
        }
        // Bytes that never occur in text (WHATWG "binary data bytes").
        for (int i = 0, n = Math.min(body.length, SNIFF_BYTES); i < n; i++) {
            int b = body[i] & 0xFF;
            if (b <= 0x08 || b == 0x0B || (b >= 0x0E && b <= 0x1A) || (b >= 0x1C && b <= 0x1F)) {
                return "binary data (byte 0x" + Integer.toHexString(b) + " at " + i + ")";
            }
        }
        return null;
    }

    /** The name of the known binary format whose signature {@code body} starts with, or null. */
    private static String signature(byte[] body) {
        for (Signature s : SIGNATURES) {
            if (startsWith(body, s.offset(), s.prefix())) {
                return s.name();
            }
        }
        return null;
    }

    /** True when the body, after a BOM and white space, opens with an HTML tag. */
    static boolean looksLikeHtml(byte[] body) {
        Charset bom = CharsetDetector.bomCharset(body);
        String head = bom == null
                ? new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1)
                : new String(body, 0, Math.min(body.length, SNIFF_BYTES * 2), bom);
        head = head.replace("\uFEFF", "").stripLeading().toLowerCase(Locale.ROOT);
        for (String start : HTML_STARTS) {
            if (head.startsWith(start) && (head.length() == start.length()
                    || start.equals("<!--") || start.equals("<?xml")
                    || head.charAt(start.length()) == '>' || Character.isWhitespace(head.charAt(start.length())))) {
                return !start.equals("<?xml") || head.contains("<html");
            }
        }
        return false;
    }

    private static boolean isGeneric(String type) {
        return type.isEmpty() || type.equals("application/octet-stream") || type.equals("binary/octet-stream")
                || type.equals("text/plain") || type.equals("application/unknown") || type.equals("unknown/unknown")
                || type.equals("application/x-unknown-content-type") || type.equals("*/*");
    }

    /** The media type of a Content-Type header, lower case, without parameters; "" when absent. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] body, int offset, byte[] prefix) {
        if (body.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Signature sig(String name, String ascii) {
        return new Signature(name, ascii.getBytes(StandardCharsets.ISO_8859_1), 0);
    }

    private static Signature sig(String name, int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new Signature(name, b, 0);
    }
}
