package io.newsflow.schemas.confluent;

import org.apache.kafka.common.KafkaException;

/**
 * A schema registry refused a request or could not be reached. Deliberately not a
 * {@link org.apache.kafka.common.errors.SerializationException}: a registry outage says nothing about the
 * record, so an exception handler can tell it apart from a poison record instead of dead-lettering good
 * data. Messages name the URL and status, never credentials.
 */
public class SchemaRegistryException extends KafkaException {

    private static final long serialVersionUID = 1L;

    /** Status used when no HTTP response arrived (connection refused, timeout). */
    public static final int NO_RESPONSE = -1;

    private final int status;

    /**
     * @param status the HTTP status the registry answered, or {@link #NO_RESPONSE}
     */
    public SchemaRegistryException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** A refusal with an HTTP status and no underlying exception. */
    public SchemaRegistryException(String message, int status) {
        this(message, status, null);
    }

    /** The HTTP status the registry answered, or {@link #NO_RESPONSE} when none arrived. */
    public int status() {
        return status;
    }
}
