package io.newsflow.streams.enrich;

/**
 * One labelled article of a category data set (a JSONL row with {@code title}, {@code text},
 * {@code label}).
 *
 * @param title headline, may be empty
 * @param text  body
 * @param label the data set's label: an IPTC code, or a name that a {@link CategoryLabelMap} maps to codes
 */
public record CategoryExample(String title, String text, String label) {
}
