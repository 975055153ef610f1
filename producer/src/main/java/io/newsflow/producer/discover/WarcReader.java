package io.newsflow.producer.discover;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the archived HTTP responses of a WARC file ({@code .warc} or {@code .warc.gz}, e.g. Common Crawl's
 * CC-NEWS) with jwarc, one record at a time: memory use does not depend on the file's size.
 *
 * <p>Yields a {@link WarcPage} for each {@code response} record with an http(s) target and a 2xx status whose
 * payload, decoded, is at most {@code maxBodyBytes}. Everything else is skipped and counted in {@link #counts()}:
 * other record types ({@code warcinfo}, {@code request}, {@code metadata}, {@code revisit}, ...), non-2xx
 * responses, payloads over the cap, and records whose HTTP header or content coding cannot be read. A file
 * that is itself broken (e.g. a truncated gzip member) ends the iteration with an {@link UncheckedIOException}
 * after the pages before the damage.
 *
 * <p>Use as an iterator ({@code try (var pages = new WarcReader(path)) {...}}), as a stream with
 * {@link #stream(Path, int)}, or with a callback through {@link #read(Path, Consumer)}. An instance is not
 * thread-safe.
 */
public final class WarcReader implements Iterator<WarcPage>, Closeable {

    /** Default cap on a page's decoded payload: 5 MiB, as {@code producer.fetch.max.bytes}. */
    public static final int DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

    /** Default file-name pattern of WARC files in a folder. */
    public static final String DEFAULT_GLOB = "*.{warc,warc.gz}";

    private static final Logger LOG = LoggerFactory.getLogger(WarcReader.class);

    /**
     * What a reader did with the records it read.
     *
     * @param pages responses yielded as {@link WarcPage}
     * @param notResponses records that are not http(s) responses (warcinfo, request, metadata, revisit, dns:, ...)
     * @param notSuccess responses whose status is not 2xx
     * @param tooLarge responses whose decoded payload exceeds the cap
     * @param unreadable responses whose HTTP header or content coding could not be read
     */
    public record Counts(long pages, long notResponses, long notSuccess, long tooLarge, long unreadable) {
    }

    private final Path file;
    private final int maxBodyBytes;
    private final org.netpreserve.jwarc.WarcReader reader;
    private WarcPage next;
    private long pages;
    private long notResponses;
    private long notSuccess;
    private long tooLarge;
    private long unreadable;

    /** Opens {@code warc} with {@link #DEFAULT_MAX_BODY_BYTES}. */
    public WarcReader(Path warc) throws IOException {
        this(warc, DEFAULT_MAX_BODY_BYTES);
    }

    /** Opens {@code warc}; gzip compression is detected from the content. */
    public WarcReader(Path warc, int maxBodyBytes) throws IOException {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
        }
        this.file = warc;
        this.maxBodyBytes = maxBodyBytes;
        this.reader = new org.netpreserve.jwarc.WarcReader(warc);
        // Real-world archives have small header defects (bare LF line ends, odd field syntax): read them anyway.
        this.reader.setLenient(true);
        this.reader.onWarning(warning -> LOG.debug("WARC warning file={} message={}", warc, warning));
    }

    /**
     * Reads every page of {@code warc} into {@code sink}, then closes the file.
     *
     * @return what was read and skipped
     * @throws IOException if the file cannot be opened or is broken (pages before the damage were delivered)
     */
    public static Counts read(Path warc, Consumer<WarcPage> sink) throws IOException {
        try (WarcReader pages = new WarcReader(warc)) {
            pages.forEachRemaining(sink);
            return pages.counts();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The pages of {@code warc} as a lazy stream that must be closed (try-with-resources) to close the file.
     * A broken file surfaces as an {@link UncheckedIOException} from the terminal operation.
     */
    public static Stream<WarcPage> stream(Path warc, int maxBodyBytes) throws IOException {
        WarcReader pages = new WarcReader(warc, maxBodyBytes);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(pages::closeQuietly);
    }

    /**
     * The WARC files a {@code warc} source names: the file itself, or the files under a folder (recursively) whose
     * name matches {@code glob}, sorted by path so that a backfill reads them in a stable order.
     */
    public static List<Path> files(Path fileOrFolder, String glob) throws IOException {
        if (!Files.isDirectory(fileOrFolder)) {
            if (!Files.isRegularFile(fileOrFolder)) {
                throw new IOException("no WARC file or folder at " + fileOrFolder);
            }
            return List.of(fileOrFolder);
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        try (Stream<Path> walk = Files.walk(fileOrFolder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> matcher.matches(p.getFileName()))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = advance();
            } catch (IOException e) {
                throw new UncheckedIOException("WARC file " + file + " is broken near offset " + reader.position()
                        + ": " + e.getMessage(), e);
            }
        }
        return next != null;
    }

    @Override
    public WarcPage next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        WarcPage page = next;
        next = null;
        return page;
    }

    /** Counts so far (final once {@link #hasNext()} returned false). */
    public Counts counts() {
        return new Counts(pages, notResponses, notSuccess, tooLarge, unreadable);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            LOG.debug("closing WARC file={} failed", file, e);
        }
    }

    /** The next page worth yielding, or null at the end of the file. */
    private WarcPage advance() throws IOException {
        for (Optional<WarcRecord> record = reader.next(); record.isPresent(); record = reader.next()) {
            WarcPage page = toPage(record.get());
            if (page != null) {
                pages++;
                return page;
            }
        }
        return null;
    }

    private WarcPage toPage(WarcRecord record) {
        if (!(record instanceof WarcResponse response)) {
            notResponses++;
            return null;
        }
        URI url = Links.resolveHttp(null, response.target());
        if (url == null) {
            notResponses++;
            return null;
        }
        HttpResponse http;
        try {
            http = response.http();
        } catch (IOException | RuntimeException e) {
            unreadable++;
            LOG.debug("WARC record skipped, unreadable HTTP header file={} url={} error={}", file, url, e.toString());
            return null;
        }
        if (http.status() < 200 || http.status() > 299) {
            notSuccess++;
            return null;
        }
        byte[] body;
        try {
            // Not closed here: the body is a view of the file that the jwarc reader owns and skips past.
            InputStream in = http.bodyDecoded().stream();
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBodyBytes + 1L));
        } catch (IOException | RuntimeException e) {
            unreadable++;
            LOG.debug("WARC record skipped, undecodable payload file={} url={} error={}", file, url, e.toString());
            return null;
        }
        if (body.length > maxBodyBytes) {
            tooLarge++;
            LOG.debug("WARC record skipped, payload over {} bytes file={} url={}", maxBodyBytes, file, url);
            return null;
        }
        String contentType = http.headers().first("Content-Type").orElse(null);
        return new WarcPage(url, http.status(), contentType, body, response.date());
    }
}
