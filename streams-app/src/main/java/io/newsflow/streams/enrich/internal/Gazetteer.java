package io.newsflow.streams.enrich.internal;

import io.newsflow.schema.EntityType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Known places and organisations, matched case-sensitively on whole words, longest name first
 * ("New York Times" before "New York"). Countries come from the JDK's locale data so that the list
 * stays complete without being copied by hand; the bundled {@code entity-places.txt} and
 * {@code entity-organizations.txt} add short forms, cities, regions and organisations, and win over
 * the JDK names (that is how "Congo - Kinshasa" becomes "Democratic Republic of the Congo").
 *
 * <p>Immutable after {@link #loadDefault()}; thread-safe.
 */
public final class Gazetteer {

    /** What a name refers to: its canonical form and kind. */
    public record Entry(String name, EntityType type) {
    }

    /** An entry found at a token position, spanning {@code length} tokens. */
    public record Match(Entry entry, int length) {
    }

    /** Marks a name end inside a key, so "People's Bank of China" matches but "Pakistan's Army" does not. */
    private static final String NAME_END = "'";

    private final Map<String, Entry> entries = new HashMap<>();
    /** Every proper prefix of a key, as built while matching, so a scan stops as soon as no name can follow. */
    private final Set<String> prefixes = new HashSet<>();
    private int maxTokens = 1;

    private Gazetteer() {
    }

    /** The JDK's countries plus the bundled lists. */
    public static Gazetteer loadDefault() {
        Gazetteer gazetteer = new Gazetteer();
        for (String code : Locale.getISOCountries()) {
            String display = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
            String canonical = cleanCountryName(display);
            gazetteer.put(display, canonical, EntityType.PLACE);
            gazetteer.put(canonical, canonical, EntityType.PLACE);
        }
        gazetteer.putLines(Resources.contentLines("entity-places.txt"), EntityType.PLACE);
        gazetteer.putLines(Resources.contentLines("entity-organizations.txt"), EntityType.ORGANIZATION);
        return gazetteer;
    }

    /** "Myanmar (Burma)" → "Myanmar", "Hong Kong SAR China" → "Hong Kong", "St. Lucia" → "Saint Lucia". */
    static String cleanCountryName(String display) {
        return display.replaceAll("\\s*\\(.*?\\)", "")
                .replace(" SAR China", "")
                .replace("&", "and")
                .replaceAll("^St\\. ", "Saint ")
                .strip();
    }

    private void putLines(List<String> lines, EntityType type) {
        for (String line : lines) {
            String[] forms = line.split("\\|");
            String canonical = forms[0].strip();
            for (String form : forms) {
                if (!form.isBlank()) {
                    put(form.strip(), canonical, type);
                }
            }
        }
    }

    private void put(String form, String canonical, EntityType type) {
        List<EntityToken> tokens = EntityTokenizer.tokenize(form, 0);
        if (tokens.isEmpty()) {
            return;
        }
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) {
                prefixes.add(key.toString());
            }
            appendKey(key, tokens.get(i), i == tokens.size() - 1);
        }
        entries.put(key.toString(), new Entry(canonical, type));
        maxTokens = Math.max(maxTokens, tokens.size());
    }

    /**
     * The longest entry whose words start at {@code tokens[from]}, written next to each other; null when
     * none does.
     */
    public Match longestAt(List<EntityToken> tokens, int from) {
        StringBuilder prefix = new StringBuilder();
        Match best = null;
        for (int length = 1; length <= maxTokens && from + length <= tokens.size(); length++) {
            EntityToken token = tokens.get(from + length - 1);
            if (length > 1 && !token.joined()) {
                break;
            }
            // One word (most lookups): its text is the key; no strings built.
            Entry entry = entries.get(length == 1 ? token.text() : prefix + " " + token.text());
            if (entry != null) {
                best = new Match(entry, length);
            }
            if (length == 1 && !token.endsName()) {
                if (!prefixes.contains(token.text())) {
                    break;
                }
                prefix.append(token.text());
                continue;
            }
            appendKey(prefix, token, false);
            if (!prefixes.contains(prefix.toString())) {
                break;
            }
        }
        return best;
    }

    /** The entry for one word, e.g. a part of "Pak-US"; null when unknown. */
    public Entry get(String word) {
        return entries.get(word);
    }

    private static void appendKey(StringBuilder key, EntityToken token, boolean last) {
        if (!key.isEmpty()) {
            key.append(' ');
        }
        key.append(token.text());
        if (token.endsName() && !last) {
            key.append(NAME_END);
        }
    }
}
