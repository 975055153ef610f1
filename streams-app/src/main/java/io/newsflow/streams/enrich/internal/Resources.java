package io.newsflow.streams.enrich.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the enrichers' bundled text resources. */
public final class Resources {

    /** Classpath folder that holds every enrichment resource. */
    public static final String BASE = "/io/newsflow/streams/enrich/";

    private Resources() {
    }

    /**
     * Returns the lines of a bundled resource with comments ({@code #} to end of line) and blank lines
     * removed, trimmed.
     *
     * @throws IllegalStateException when the resource is missing: a packaging bug, not a runtime condition
     */
    public static List<String> contentLines(String name) {
        String path = BASE + name;
        try (InputStream in = Resources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + path);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int hash = line.indexOf('#');
                String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!content.isEmpty()) {
                    lines.add(content);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + path, e);
        }
    }
}
