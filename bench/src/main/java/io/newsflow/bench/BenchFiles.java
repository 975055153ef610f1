package io.newsflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.utils.Utils;

/** Scratch folders for benchmarks: a broker's logs and state stores, removed when the JVM exits. */
public final class BenchFiles {

    private BenchFiles() {
    }

    /** A new folder under the system temp folder, deleted with everything in it when the JVM exits. */
    public static Path tempDir(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Utils.delete(dir.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + dir, e);
            }
        }, "delete-" + dir.getFileName()));
        return dir;
    }
}
