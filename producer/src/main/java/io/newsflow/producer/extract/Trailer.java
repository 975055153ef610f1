package io.newsflow.producer.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The end matter of an article body: a citation line and a {@code Keywords: a , b , c} line, in either
 * order, as separate paragraphs or as lines of one paragraph. {@link #split} takes them off the body.
 *
 * @param body     the body blocks without the end matter
 * @param citation the citation line, or null
 * @param keywords keywords from the Keywords line, empty when there is none
 */
record Trailer(List<String> body, Citation citation, List<String> keywords) {

    private static final Pattern KEYWORDS_LINE = Pattern.compile("^(?:Keywords|Tags|Topics)\\s*:\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    // A citation, a Keywords line and maybe one of each repeated: more is not end matter.
    private static final int MAX_TRAILING_LINES = 3;

    /** Splits the end matter off {@code blocks}, looking only at the last lines. */
    static Trailer split(List<String> blocks) {
        List<String> body = new ArrayList<>(blocks);
        Citation citation = null;
        List<String> keywords = List.of();
        for (int taken = 0; taken < MAX_TRAILING_LINES && !body.isEmpty(); taken++) {
            int last = body.size() - 1;
            List<String> lines = new ArrayList<>(Arrays.asList(body.get(last).split("\n")));
            String line = lines.get(lines.size() - 1);
            Matcher keywordsLine = KEYWORDS_LINE.matcher(line);
            Citation cited = Citation.parse(line);
            if (keywordsLine.matches() && keywords.isEmpty()) {
                keywords = Keywords.split(keywordsLine.group(1));
            } else if (cited != null && citation == null) {
                citation = cited;
            } else {
                break;
            }
            lines.remove(lines.size() - 1);
            if (lines.isEmpty()) {
                body.remove(last);
            } else {
                body.set(last, String.join("\n", lines));
            }
        }
        return new Trailer(List.copyOf(body), citation, keywords);
    }
}
