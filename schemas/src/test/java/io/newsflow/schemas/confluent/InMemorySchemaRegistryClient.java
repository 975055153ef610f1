package io.newsflow.schemas.confluent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The {@link SchemaRegistryClient} interface over two plain maps, for tests. It is not a schema registry:
 * no HTTP, no compatibility checks, no subjects' version lists. Like a registry, it gives equal schemas the
 * same id whatever the subject, and answers an unknown id with status 404. Thread-safe (synchronized).
 */
final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private final Map<Schema, Integer> ids = new HashMap<>();
    private final Map<Integer, Schema> schemas = new HashMap<>();
    private final List<String> registrations = new ArrayList<>();
    private int nextId = 1;

    @Override
    public synchronized int register(String subject, Schema schema) {
        registrations.add(subject);
        Integer id = ids.get(schema);
        if (id == null) {
            id = nextId++;
            ids.put(schema, id);
            schemas.put(id, schema);
        }
        return id;
    }

    @Override
    public synchronized Schema byId(int id) {
        Schema schema = schemas.get(id);
        if (schema == null) {
            throw new SchemaRegistryException("schema id " + id + " not found (in memory)", 404);
        }
        return schema;
    }

    /** Subjects of every register call, in call order. */
    synchronized List<String> registrations() {
        return List.copyOf(registrations);
    }
}
