package io.newsflow.cli;

import io.newsflow.schemas.reference.TopicReference;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.avro.JsonSchemaFormatter;
import org.apache.avro.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow schemas}: prints the topic and record reference ({@code docs/topics.md}), or writes it
 * with {@code --out}; with {@code --avsc NAME}, one record's full schema JSON instead, the form kept as
 * {@code schemas/src/main/avro-history/NAME/vN.avsc} when a schema changes. Works offline: it reads only
 * the schemas compiled into the jar, so it takes no cluster settings.
 */
@Command(name = "schemas", description = "Print the topic and record reference, or one schema as JSON.")
final class SchemasCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write to FILE instead of printing, e.g. docs/topics.md or "
                    + "schemas/src/main/avro-history/Article/v2.avsc.")
    Path out;

    @Option(names = "--avsc", paramLabel = "NAME",
            description = "Print the full schema of record or enum NAME (e.g. Article) instead of the reference.")
    String avsc;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String text;
        if (avsc == null) {
            text = TopicReference.markdown();
        } else {
            Schema schema = TopicReference.schema(avsc).orElseThrow(() -> new IllegalArgumentException(
                    "no record or enum named '" + avsc + "'; one of " + TopicReference.schemaNames()));
            // Pretty JSON (what the deprecated Schema.toString(true) gives) plus a final newline: the same
            // form as the files under avro-history. The formatter is built directly rather than looked up
            // through ServiceLoader, which a shaded jar may not carry.
            text = new JsonSchemaFormatter(true).format(schema) + "\n";
        }
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(text);
            stdout.flush();
            return 0;
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        // Status on stderr, so stdout stays clean for scripts.
        spec.commandLine().getErr().println("wrote " + out);
        return 0;
    }
}
