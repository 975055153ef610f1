package io.newsflow.producer.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns byline-ish strings ("By Jane Doe and John Roe") into clean author names. */
final class Names {

    private static final Pattern BY_PREFIX = Pattern.compile(
            "^(?:(?:written|words|posted|story|article|text)\\s+by|by|authors?|written)(?:[:\\s]+|$)",
            Pattern.CASE_INSENSITIVE);
    // "By Jane Doe | 9 March 2025", "Jane Doe — Staff", "By Jane Doe on 04-08-2021", "Jane Doe, 9 March":
    // the names come before the separator, or before the first word with a digit.
    private static final Pattern TRAILING_PART = Pattern.compile(
            "\\s*[|·•–—]\\s+.*$|\\s+(?:on|at|published|updated|last updated)\\s+.*$"
                    + "|[\\s,]*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+)?\\S*\\d.*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATORS = Pattern.compile("\\s*[,;]\\s*(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*");
    private static final Set<String> ROLE_WORDS = Set.of("staff", "reporter", "correspondent", "editor",
            "writer", "contributor", "columnist", "desk", "team", "updated", "published", "editorial", "process",
            "guidelines", "author", "authors", "by", "posted", "written", "reviewed", "expert", "director",
            "manager", "founder", "ceo", "officer", "specialist");
    private static final Set<String> PARTICLES = Set.of("de", "da", "del", "della", "di", "du", "van", "von",
            "der", "den", "la", "le", "bin", "binti", "al", "el", "y", "dos", "das", "ibn", "ter");

    private Names() {
    }

    /** Splits a byline into names in byline order, dropping anything that does not look like a name. */
    static List<String> split(String byline) {
        if (byline == null) {
            return List.of();
        }
        String s = Texts.clean(byline);
        s = BY_PREFIX.matcher(s).replaceFirst("");
        s = TRAILING_PART.matcher(s).replaceFirst("");
        List<String> names = new ArrayList<>();
        for (String part : SEPARATORS.split(s)) {
            String name = part.strip();
            if (looksLikeName(name)) {
                names.add(name);
            }
        }
        return dedupe(names);
    }

    /**
     * Names as a page declares them in markup (JSON-LD, {@code <meta name=author>}): split like a byline,
     * but without asking for capitals or rejecting role words, because declared names are what the site
     * shows ("Everfit Team", "q_admin"). Still rejects URLs, e-mail addresses and long strings.
     */
    static List<String> splitDeclared(List<String> raws) {
        List<String> names = new ArrayList<>();
        for (String raw : raws) {
            String s = BY_PREFIX.matcher(Texts.clean(raw)).replaceFirst("");
            s = TRAILING_PART.matcher(s).replaceFirst("");
            for (String part : SEPARATORS.split(s)) {
                String name = part.strip();
                if (looksLikeDeclaredName(name)) {
                    names.add(name);
                }
            }
        }
        return dedupe(names);
    }

    private static boolean looksLikeDeclaredName(String name) {
        if (name.isEmpty() || name.length() > 60 || name.contains("@") || name.contains("://") || name.contains(":")
                || name.contains("{") || name.split(" ").length > 6 || name.chars().noneMatch(Character::isLetter)
                || name.chars().anyMatch(Character::isDigit)) {
            return false;
        }
        // Template leftovers such as "page.head.extra.author".
        return name.contains(" ") || name.chars().filter(c -> c == '.').count() < 2;
    }

    /** Names from several raw strings (one per author element or JSON-LD author), deduplicated. */
    static List<String> splitAll(List<String> raws) {
        List<String> names = new ArrayList<>();
        for (String raw : raws) {
            names.addAll(split(raw));
        }
        return dedupe(names);
    }

    static boolean looksLikeName(String name) {
        if (name.isEmpty() || name.length() > 60 || name.contains("@") || name.contains("://")
                || name.chars().anyMatch(Character::isDigit)) {
            return false;
        }
        String[] words = name.split(" ");
        if (words.length > 6 || !Character.isUpperCase(words[0].codePointAt(0))) {
            return false;
        }
        for (String word : words) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (ROLE_WORDS.contains(lower)) {
                return false;
            }
            boolean capitalised = Character.isUpperCase(word.codePointAt(0));
            if (!capitalised && !PARTICLES.contains(lower) && !lower.startsWith("al-")) {
                return false;
            }
        }
        return true;
    }

    private static List<String> dedupe(List<String> names) {
        Map<String, String> unique = new LinkedHashMap<>();
        for (String name : names) {
            unique.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
        }
        return List.copyOf(unique.values());
    }
}
