package io.newsflow.streams.enrich;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Reads labelled articles for training and evaluating a {@link CategoryModel}, and splits them into a
 * training part and a held-out part.
 *
 * <p>File format: JSON Lines, one article per line with {@code title} (may be missing), {@code text}
 * and {@code label}; other fields are ignored, blank lines skipped.
 *
 * <p>The split is stratified and reproducible: for each label (in sorted order), that label's rows are
 * shuffled with one {@link Random} seeded with {@code seed}, and the first round(fraction × count) of
 * them are held out. The same file, fraction and seed therefore always hold out the same rows, which is
 * how {@code newsflow train categories --holdout F --seed N} and
 * {@code newsflow eval categories --holdout-of F --seed N} agree on the held-out part. Both parts keep
 * the file's row order.
 */
public final class CategoryDataset {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The two parts of a split. */
    public record Split(List<CategoryExample> train, List<CategoryExample> heldOut) {
    }

    private CategoryDataset() {
    }

    /**
     * Reads a JSONL file.
     *
     * @throws IllegalArgumentException naming the file and line when a row is not JSON, or has no label
     *     or no text
     */
    public static List<CategoryExample> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("dataset " + file + " is not a file");
        }
        List<CategoryExample> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (!line.isBlank()) {
                    rows.add(parse(line, file + " line " + lineNo));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset " + file, e);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("dataset " + file + " has no rows");
        }
        return rows;
    }

    private static CategoryExample parse(String line, String where) {
        JsonNode row;
        try {
            row = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": not a JSON object: " + e.getOriginalMessage());
        }
        if (row == null || !row.isObject()) {
            throw new IllegalArgumentException(where + ": not a JSON object");
        }
        String label = row.path("label").asText("").strip();
        String text = row.path("text").asText("");
        if (label.isEmpty()) {
            throw new IllegalArgumentException(where + ": no \"label\"");
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException(where + ": no \"text\"");
        }
        return new CategoryExample(row.path("title").asText(""), text, label);
    }

    /**
     * Splits rows into a training part and a held-out part, stratified by label (see the class comment).
     *
     * @param fraction share of each label's rows to hold out, in (0, 1)
     */
    public static Split split(List<CategoryExample> rows, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("holdout fraction must be between 0 and 1 (exclusive), got " + fraction);
        }
        Map<String, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byLabel.computeIfAbsent(rows.get(i).label(), l -> new ArrayList<>()).add(i);
        }
        Random random = new Random(seed);
        boolean[] heldOut = new boolean[rows.size()];
        for (List<Integer> indexes : byLabel.values()) {
            Collections.shuffle(indexes, random);
            long take = Math.round(fraction * indexes.size());
            for (int i = 0; i < take; i++) {
                heldOut[indexes.get(i)] = true;
            }
        }
        List<CategoryExample> train = new ArrayList<>();
        List<CategoryExample> held = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            (heldOut[i] ? held : train).add(rows.get(i));
        }
        return new Split(List.copyOf(train), List.copyOf(held));
    }
}
