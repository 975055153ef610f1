package io.newsflow.producer.extract;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A trailing citation line as archives append to articles:
 * {@code Masood Khan, "Keep investing in the relationship," The News. 2025-03-09.}
 * (straight or curly quotes, one or several authors).
 *
 * @param authors names in order, never empty
 * @param title   the quoted title, without its trailing comma
 * @param outlet  the publication name
 * @param date    the date at the end of the line
 */
record Citation(List<String> authors, String title, String outlet, Instant date) {

    private static final Pattern SHAPE = Pattern.compile(
            "^(?<authors>[^\"“”]{2,200}?),\\s*[\"“](?<title>[^\"“”]{1,300}?)[,.]?\\s*[\"”]\\s*,?\\s+(?<rest>.+)$");
    private static final int MAX_CHARS = 600;

    /** Parses {@code line} as a citation; null unless it has names, a quoted title, an outlet and a date. */
    static Citation parse(String line) {
        if (line == null || line.length() > MAX_CHARS || !hasQuote(line)) {
            return null;
        }
        Matcher m = SHAPE.matcher(line.strip());
        if (!m.matches()) {
            return null;
        }
        List<String> authors = Names.split(m.group("authors"));
        // Every part before the title must be a name, or this is a sentence that merely quotes someone.
        int parts = m.group("authors").split("\\s*[,;&]\\s*|\\s+and\\s+").length;
        if (authors.isEmpty() || authors.size() < parts) {
            return null;
        }
        String rest = m.group("rest").strip();
        if (rest.endsWith(".")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        // The outlet may itself contain ". " ("St. Louis Post"), so try each split from the left.
        for (int i = rest.indexOf(". "); i > 0; i = rest.indexOf(". ", i + 1)) {
            String outlet = rest.substring(0, i).strip();
            Instant date = DateParser.parse(rest.substring(i + 2)).orElse(null);
            if (date != null && !outlet.isEmpty() && Character.isUpperCase(outlet.codePointAt(0))) {
                return new Citation(authors, m.group("title").strip(), outlet, date);
            }
        }
        return null;
    }

    /** Whether {@code line} has an opening quote: most lines have none, and the pattern needs one. */
    private static boolean hasQuote(String line) {
        return line.indexOf('"') >= 0 || line.indexOf('\u201c') >= 0;
    }
}
