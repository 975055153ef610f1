package io.newsflow.producer.publish;

/** Records could not be delivered to Kafka; the message says how many and the first cause. */
public final class PublishException extends RuntimeException {

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
