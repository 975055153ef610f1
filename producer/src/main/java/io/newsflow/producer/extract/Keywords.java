package io.newsflow.producer.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Splits publisher keyword strings ("a , b , c") into trimmed, non-empty, de-duplicated keywords. */
final class Keywords {

    private Keywords() {
    }

    static List<String> split(String raw) {
        if (raw == null) {
            return List.of();
        }
        // Commas are the norm; a few CMSs use semicolons or pipes when a keyword itself has a comma.
        String separator = raw.contains(",") ? "," : raw.contains(";") ? ";" : "\\|";
        List<String> keywords = new ArrayList<>();
        for (String part : raw.split(separator)) {
            keywords.add(part);
        }
        return clean(keywords);
    }

    static List<String> clean(List<String> raw) {
        Map<String, String> unique = new LinkedHashMap<>();
        for (String keyword : raw) {
            String k = Texts.clean(keyword);
            if (!k.isEmpty()) {
                unique.putIfAbsent(k.toLowerCase(Locale.ROOT), k);
            }
        }
        return List.copyOf(unique.values());
    }
}
