package io.newsflow.streams.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schema.AlertRule;
import io.newsflow.schema.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a rule from a request body, strictly: unknown fields, duplicate fields and wrong types are
 * refused with a message naming the field, because a silently ignored typo ({@code "severty"}) would
 * store a rule that differs from what its author meant. What the fields may contain (id characters,
 * query syntax) is left to {@link io.newsflow.streams.alert.RuleValidator}. Thread-safe.
 */
final class RuleJson {

    /** {@code version} is accepted so a rule read from GET can be sent back as is; the server sets it. */
    static final Set<String> FIELDS = Set.of("id", "name", "query", "owner", "severity", "enabled",
            "categories", "languages", "sources", "minAbsSentiment", "version");
    private static final String FIELD_LIST = "id, name, query, owner, severity, enabled, categories,"
            + " languages, sources, minAbsSentiment";
    private static final String SEVERITIES = Arrays.stream(Severity.values()).map(Enum::name)
            .collect(Collectors.joining(", "));
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private RuleJson() {}

    /**
     * @param pathId the id from {@code /api/rules/{id}}, or null for POST (the body names it)
     * @throws ApiException 400 with a message naming the problem
     */
    static AlertRule parse(byte[] body, String pathId) throws ApiException {
        JsonNode root = tree(body);
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new ApiException(400, "unknown field '" + abbreviate(name) + "'; the fields are " + FIELD_LIST);
            }
        }
        String id = string(root, "id");
        if (pathId != null) {
            if (id != null && !id.equals(pathId)) {
                throw new ApiException(400, "id in the body ('" + abbreviate(id)
                        + "') differs from the id in the path ('" + abbreviate(pathId) + "')");
            }
            id = pathId;
        }
        String owner = string(root, "owner");
        return AlertRule.newBuilder()
                .setId(id == null ? "" : id)
                .setName(orEmpty(string(root, "name")))
                .setQuery(orEmpty(string(root, "query")))
                .setOwner(owner == null || owner.isBlank() ? null : owner.strip())
                .setSeverity(severity(root))
                .setEnabled(bool(root, "enabled", true))
                .setVersion(1)
                .setCategories(strings(root, "categories"))
                .setLanguages(strings(root, "languages"))
                .setSources(strings(root, "sources"))
                .setMinAbsSentiment(minAbsSentiment(root))
                .build();
    }

    private static JsonNode tree(byte[] body) throws ApiException {
        if (body.length == 0) {
            throw new ApiException(400, "request body is empty; send the rule as a JSON object");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiException(400, "malformed JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ApiException(400, "request body must be a JSON object with the rule's fields");
        }
        return root;
    }

    private static String string(JsonNode root, String field) throws ApiException {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new ApiException(400, "field '" + field + "' must be a string");
        }
        return n.textValue();
    }

    private static Severity severity(JsonNode root) throws ApiException {
        String s = string(root, "severity");
        if (s == null || s.isBlank()) {
            return Severity.MEDIUM; // the schema's default
        }
        try {
            return Severity.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "field 'severity' must be one of " + SEVERITIES);
        }
    }

    private static boolean bool(JsonNode root, String field, boolean absent) throws ApiException {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return absent;
        }
        if (!n.isBoolean()) {
            throw new ApiException(400, "field '" + field + "' must be true or false");
        }
        return n.booleanValue();
    }

    private static List<String> strings(JsonNode root, String field) throws ApiException {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new ApiException(400, "field '" + field + "' must be a list of strings");
        }
        List<String> out = new ArrayList<>(n.size());
        for (JsonNode item : n) {
            if (!item.isTextual() || item.textValue().isBlank()) {
                throw new ApiException(400, "field '" + field + "' must be a list of non-blank strings");
            }
            out.add(item.textValue().strip());
        }
        return out;
    }

    private static Double minAbsSentiment(JsonNode root) throws ApiException {
        JsonNode n = root.get("minAbsSentiment");
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber() || n.doubleValue() < 0 || n.doubleValue() > 1) {
            throw new ApiException(400, "field 'minAbsSentiment' must be a number from 0 to 1, or null");
        }
        return n.doubleValue();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Echoed names and ids are the caller's own input; cut them so an error stays readable. */
    private static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "…";
    }
}
