package io.newsflow.producer.publish;

import io.newsflow.schema.Article;
import io.newsflow.schema.FetchStatus;

/**
 * Where the crawler's results go. The Kafka implementation is {@link KafkaPublisher}; the interface
 * lets the crawl stages be tested without a broker.
 */
public interface CrawlSink extends AutoCloseable {

    /** Publishes an extracted article (asynchronously; see {@link #flush()}). */
    void article(Article article);

    /** Publishes the outcome of one URL (asynchronously). */
    void status(FetchStatus status);

    /**
     * Waits until everything handed over so far is acknowledged.
     *
     * @throws PublishException when any record could not be delivered
     */
    void flush();

    @Override
    void close();
}
