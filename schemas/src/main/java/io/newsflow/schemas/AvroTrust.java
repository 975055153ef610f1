package io.newsflow.schemas;

import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Registers Newsflow's generated classes with Avro's class security validator. Avro 1.12 refuses
 * to instantiate record classes outside its trusted set, which would make every nested record
 * (e.g. {@code Category} inside {@code EnrichedArticle}) fail to decode. Idempotent, thread-safe.
 */
public final class AvroTrust {

    private static final String SCHEMA_PACKAGE = "io.newsflow.schema.";
    private static boolean registered;

    private AvroTrust() {
    }

    /** Adds the {@code io.newsflow.schema} package to the globally trusted classes (once). */
    public static synchronized void register() {
        if (registered) {
            return;
        }
        ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityPredicate ours = c -> c.getName().startsWith(SCHEMA_PACKAGE);
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous, ours));
        registered = true;
    }
}
