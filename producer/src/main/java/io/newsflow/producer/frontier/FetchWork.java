package io.newsflow.producer.frontier;

import io.newsflow.schema.FrontierUrl;

/**
 * Fetches and handles one frontier URL: robots.txt, the request, extraction, link discovery. Runs on a fetch
 * thread, never on the stream thread, and touches no state store: everything it decides comes back in the
 * {@link WorkResult}, which the frontier applies in one Kafka transaction. Implementations must be
 * thread-safe and should not throw (a thrown exception becomes a {@code FAILED} status).
 */
@FunctionalInterface
public interface FetchWork {

    /** The outcome of fetching {@code url}. */
    WorkResult perform(FrontierUrl url);
}
