package io.newsflow.schemas.confluent;

import org.apache.avro.Schema;

/**
 * What the Confluent serde needs from a schema registry: an id for a schema under a subject, and the
 * schema behind an id. Ids are global in a registry, so a schema registered under one subject can be
 * looked up by id from any topic. Implementations must be thread-safe (serdes are shared by stream
 * threads) and should cache, since both calls sit on the per-record path.
 */
public interface SchemaRegistryClient {

    /**
     * Registers {@code schema} under {@code subject} (a no-op returning the existing id when the registry
     * already has it) and returns its id.
     *
     * @throws SchemaRegistryException when the registry refuses the schema (e.g. 409: incompatible with
     *     the subject's earlier versions) or cannot be reached
     */
    int register(String subject, Schema schema);

    /**
     * The schema with this id.
     *
     * @throws SchemaRegistryException with {@link SchemaRegistryException#status()} 404 when the id is
     *     unknown, another status when the registry cannot answer
     */
    Schema byId(int id);
}
