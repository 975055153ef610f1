package io.newsflow.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Every released version of each record schema, kept in {@code schemas/src/main/avro-history/NAME/vN.avsc}
 * (self-contained JSON, oldest first) and shipped on the classpath so that old records stay readable.
 * When a schema changes, its new full form is added as the next version; {@code SchemaHistoryTest}
 * fails until that is done and checks that each version can read the one before.
 */
public final class SchemaHistory {

    private SchemaHistory() {
    }

    /**
     * Versions of the named record schema, oldest first.
     *
     * @param recordName simple record name, e.g. {@code Article}
     * @return the parsed versions; empty when none is kept
     */
    public static List<Schema> versions(String recordName) {
        List<Schema> versions = new ArrayList<>();
        for (int v = 1; ; v++) {
            String path = "/avro-history/" + recordName + "/v" + v + ".avsc";
            try (InputStream in = SchemaHistory.class.getResourceAsStream(path)) {
                if (in == null) {
                    return versions;
                }
                versions.add(new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema history " + path, e);
            }
        }
    }
}
