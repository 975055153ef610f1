package io.newsflow.schemas;

import java.util.List;
import java.util.Objects;

/**
 * Names of every Newsflow topic. The default names carry no prefix; a prefix (for example one per
 * integration test, or one per environment sharing a cluster) is put in front of every name.
 * Immutable and thread-safe.
 *
 * @param prefix prefix added to every topic name, possibly empty
 */
public record Topics(String prefix) {

    /** Topic names without a prefix. */
    public static final Topics DEFAULT = new Topics("");

    public Topics {
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.matches("[A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("topic prefix '" + prefix
                    + "' may only contain letters, digits, '.', '_' and '-'");
        }
    }

    /** Articles as extracted by the producer; key = article id, value = {@code Article}. */
    public String articlesRaw() {
        return prefix + "news.articles.raw";
    }

    /** Enriched articles; key = article id, value = {@code EnrichedArticle}. */
    public String articlesEnriched() {
        return prefix + "news.articles.enriched";
    }

    /** Keyword alerts; key = rule id, value = {@code KeywordAlert}. */
    public String alerts() {
        return prefix + "news.alerts";
    }

    /** Alert rules (compacted); key = rule id, value = {@code AlertRule}, tombstone deletes. */
    public String alertRules() {
        return prefix + "news.alert-rules";
    }

    /**
     * URLs waiting to be fetched, shared by the crawler instances of one consumer group; key = host,
     * value = {@code FrontierUrl}.
     */
    public String frontier() {
        return prefix + "news.frontier";
    }

    /** Outcome of every URL the producer considered; key = URL, value = {@code FetchStatus}. */
    public String fetchStatus() {
        return prefix + "news.fetch-status";
    }

    /**
     * Enriched articles flattened for Kafka Connect sinks: key = article id, value = JSON with an
     * embedded schema (Kafka's {@code JsonConverter}, {@code schemas.enable=true}), primitive columns only.
     */
    public String articlesFlat() {
        return prefix + "news.articles.flat";
    }

    /** Alerts flattened for Kafka Connect sinks: key = alert id, value as {@link #articlesFlat()}. */
    public String alertsFlat() {
        return prefix + "news.alerts.flat";
    }

    /** Windowed counts with spike flags; key = dimension + ':' + term, value = {@code Trend}. */
    public String trends() {
        return prefix + "news.trends";
    }

    /** Records the streams app could not process, original bytes plus cause headers. */
    public String deadLetters() {
        return prefix + "news.dlq";
    }

    /** Every topic, in data-flow order. */
    public List<String> all() {
        return List.of(frontier(), articlesRaw(), fetchStatus(), articlesEnriched(), alertRules(), alerts(), trends(), articlesFlat(),
                alertsFlat(), deadLetters());
    }
}
