package io.newsflow.producer.frontier;

import io.newsflow.producer.discover.Source;
import io.newsflow.producer.politeness.RepollSchedule;
import io.newsflow.schema.FetchStatus;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What the frontier tasks of one crawler instance share: the configured sources, the fetch work and the
 * threads it runs on, the live counters, and the scheduling rules.
 *
 * @param sources configured sources by id
 * @param work fetches and handles one URL (on {@code executor})
 * @param executor the fetch threads
 * @param progress counters and fetch slots of this instance
 * @param tick how often due hosts are looked for
 * @param budgetWindow window of the per-source {@code max-pages} budget of site sources
 * @param listingRepoll re-poll bounds of start pages and folders
 * @param retryAfterCap longest wait honoured from Retry-After
 * @param retryAttempts how often a URL asked to wait is tried again before being given up
 * @param traps the spider-trap rules
 * @param onStatus told about every status published (metrics)
 */
public record FrontierRuntime(Map<String, Source> sources, FetchWork work, Executor executor,
                              FrontierProgress progress, Duration tick, Duration budgetWindow,
                              RepollSchedule listingRepoll, Duration retryAfterCap, int retryAttempts,
                              TrapRules traps, Consumer<FetchStatus> onStatus) {

    public FrontierRuntime {
        sources = Map.copyOf(sources);
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(listingRepoll, "listingRepoll");
        Objects.requireNonNull(traps, "traps");
        Objects.requireNonNull(onStatus, "onStatus");
    }
}
