package io.newsflow.streams.enrich;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps a data set's labels to IPTC Media Topic codes, for training and evaluating category models.
 *
 * <p>A label map file is a JSON object from label to a non-empty array of codes, e.g.
 * {@code {"business": ["medtop:04000000"], "tech": ["medtop:13000000"]}}. When evaluating, a prediction
 * is right when its primary code is one of the label's codes; when training, a model learns the first
 * code of each label. Without a map ({@link #identity()}) every label must itself be an IPTC code.
 *
 * <p>Immutable and thread-safe.
 */
public final class CategoryLabelMap {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Label to codes; null for the identity map. */
    private final Map<String, List<String>> codes;
    private final String source;

    private CategoryLabelMap(Map<String, List<String>> codes, String source) {
        this.codes = codes;
        this.source = source;
    }

    /** The map for data sets whose labels are already IPTC codes. */
    public static CategoryLabelMap identity() {
        return new CategoryLabelMap(null, null);
    }

    /** A map from the given entries (checked like a file's). */
    public static CategoryLabelMap of(Map<String, List<String>> entries) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        entries.forEach((label, list) -> copy.put(label, checkCodes("label map", label, list)));
        return new CategoryLabelMap(Map.copyOf(copy), "label map");
    }

    /**
     * Reads a label map file.
     *
     * @throws IllegalArgumentException naming the file and the label at fault when it is not a JSON object
     *     of non-empty arrays of IPTC codes
     */
    public static CategoryLabelMap read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("label map " + file + " is not a file");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read label map " + file, e);
        }
        return parse(text, "label map " + file);
    }

    /** Parses label map JSON; {@code source} names it in error messages. */
    public static CategoryLabelMap parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new IllegalArgumentException(source
                    + " must be a non-empty JSON object from label to an array of IPTC codes, e.g. {\"business\": [\"medtop:04000000\"]}");
        }
        Map<String, List<String>> codes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            JsonNode value = entry.getValue();
            if (!value.isArray()) {
                throw new IllegalArgumentException(source + ": label '" + entry.getKey()
                        + "' must map to an array of IPTC codes, got " + value);
            }
            List<String> list = new ArrayList<>();
            for (JsonNode code : value) {
                list.add(code.isTextual() ? code.asText() : code.toString());
            }
            codes.put(entry.getKey(), checkCodes(source, entry.getKey(), list));
        }
        return new CategoryLabelMap(Map.copyOf(codes), source);
    }

    private static List<String> checkCodes(String source, String label, List<String> list) {
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException(source + ": label '" + label + "' maps to no IPTC code");
        }
        for (String code : list) {
            if (code == null || !CategoryTaxonomy.CODE.matcher(code).matches()) {
                throw new IllegalArgumentException(source + ": label '" + label + "' maps to '" + code
                        + "', which is not an IPTC Media Topic code such as medtop:11000000");
            }
        }
        return List.copyOf(list);
    }

    /** True when labels must already be IPTC codes. */
    public boolean isIdentity() {
        return codes == null;
    }

    /**
     * The codes that count as right for a label, the one a model learns first.
     *
     * @throws IllegalArgumentException when the label is not in the map (or, without a map, not a code)
     */
    public List<String> codes(String label) {
        if (codes == null) {
            if (!CategoryTaxonomy.CODE.matcher(label).matches()) {
                throw notCodes(Set.of(label));
            }
            return List.of(label);
        }
        List<String> list = codes.get(label);
        if (list == null) {
            throw notMapped(Set.of(label));
        }
        return list;
    }

    /** The code a model learns for a label: its first code. */
    public String trainingCode(String label) {
        return codes(label).get(0);
    }

    /**
     * Checks that every row's label can be mapped, so that a long run fails at once rather than halfway.
     *
     * @throws IllegalArgumentException listing the labels that cannot be mapped
     */
    public void check(List<CategoryExample> rows) {
        Set<String> bad = new TreeSet<>();
        for (CategoryExample row : rows) {
            boolean ok = codes == null ? CategoryTaxonomy.CODE.matcher(row.label()).matches() : codes.containsKey(row.label());
            if (!ok) {
                bad.add(row.label());
            }
        }
        if (!bad.isEmpty()) {
            throw codes == null ? notCodes(bad) : notMapped(bad);
        }
    }

    private static IllegalArgumentException notCodes(Set<String> labels) {
        return new IllegalArgumentException("labels " + quoted(labels)
                + " are not IPTC Media Topic codes such as medtop:11000000; pass a label map (--label-map FILE,"
                + " a JSON object from label to an array of codes) to map them");
    }

    private IllegalArgumentException notMapped(Set<String> labels) {
        return new IllegalArgumentException("labels " + quoted(labels) + " are not in the " + source);
    }

    private static String quoted(Set<String> labels) {
        List<String> shown = new ArrayList<>();
        for (String label : labels) {
            if (shown.size() == 10) {
                shown.add("... (" + labels.size() + " in all)");
                break;
            }
            shown.add("'" + label + "'");
        }
        return String.join(", ", shown);
    }
}
