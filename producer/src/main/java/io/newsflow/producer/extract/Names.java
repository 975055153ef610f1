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
            "^(?:(?:written|words|posted|story|article|text|recipe)\\s+by|by|authors?|written)(?:[:\\s]+|$)",
            Pattern.CASE_INSENSITIVE);
    // "By Jane Doe | 9 March 2025", "Jane Doe — Staff", "By Jane Doe on 04-08-2021", "Jane Doe, 9 March":
    // the names come before the separator, or before the first word with a digit.
    private static final Pattern TRAILING_PART = Pattern.compile(
            "\\s*[|·•–—]\\s+.*$|\\s+-\\s+.*$|\\s+(?:on|at|published|updated|last updated)(?:\\s+|\\s*:).*$"
                    + "|[\\s,]*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+)?\\S*\\d.*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATORS = Pattern.compile("\\s*[,;]\\s*(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*");
    private static final Set<String> ROLE_WORDS = Set.of("staff", "reporter", "correspondent", "editor",
            "writer", "contributor", "columnist", "desk", "team", "updated", "published", "editorial", "process",
            "guidelines", "author", "authors", "by", "posted", "written", "reviewed", "expert", "director",
            "manager", "founder", "ceo", "officer", "specialist", "editors", "senior", "former", "consultant",
            "co-founder", "cofounder", "head", "chief", "president", "professor", "certified", "licensed");
    // Words of a byline that names a team or the newsroom ("Podium Staff", "The Upwork Team").
    private static final Set<String> TEAM_WORDS = Set.of("team", "staff", "editors", "desk", "newsroom");
    private static final Set<String> INSTITUTION_WORDS = Set.of("university", "college", "institute", "school",
            "network", "association", "society", "foundation", "hospital", "clinic", "center", "centre", "inc",
            "llc", "ltd", "magazine", "news", "times", "journal", "press", "media", "group", "company");
    private static final Set<String> TEAM_FILLERS = Set.of("the", "of", "and", "&");
    // "Dec 17, 2025Julian K. Arni": a date printed before the name, glued to it or not.
    private static final Pattern LEADING_DATE = Pattern.compile(
            "^(?:\\p{L}{3,9}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\s+\\p{L}{3,9}\\.?,?\\s+\\d{4}"
                    + "|\\d{4}-\\d{2}-\\d{2})\\s*[·•|,–—-]?\\s*");
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
        s = LEADING_DATE.matcher(s).replaceFirst("");
        s = BY_PREFIX.matcher(s).replaceFirst("");
        s = TRAILING_PART.matcher(s).replaceFirst("");
        if (looksLikeTeam(s)) {
            return List.of(s);
        }
        List<String> names = new ArrayList<>();
        String first = null;
        for (String part : SEPARATORS.split(s)) {
            // Only the first name may carry its role after it; a later part with a role word is the role
            // ("Liz Kenny, Former McKinsey Consultant").
            String name = first == null ? withoutRepeat(withoutTrailingRole(part.strip())) : part.strip();
            if (name.isEmpty()) {
                continue;
            }
            boolean isFirst = first == null;
            if (isFirst) {
                first = name;
            }
            if (looksLikeName(name) && (isFirst || !isAffiliation(name, first))) {
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
                if (!looksLikeDeclaredName(name) || (!names.isEmpty() && isAffiliation(name, names.get(0)))) {
                    continue;
                }
                names.add(name);
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
            for (String name : split(raw)) {
                // One element with the name, the next with the role ("Gardener, Astrologer").
                if (names.isEmpty() || !isAffiliation(name, names.get(0))) {
                    names.add(name);
                }
            }
        }
        return dedupe(names);
    }

    /**
     * A byline naming a team rather than people: a team word ("Team", "Staff", "editors") first or last,
     * the other words capitalised (or "the", "of"), at least one of them: "Podium Staff", "The Upwork Team",
     * "Team SimplyThrilled", "The Currency editors". "Staff" alone, or "Staff Writer", is not one.
     */
    static boolean looksLikeTeam(String name) {
        if (name.isEmpty() || name.length() > 60 || name.chars().anyMatch(Character::isDigit)) {
            return false;
        }
        String[] words = name.split(" ");
        if (words.length < 2 || words.length > 5) {
            return false;
        }
        String first = words[0].toLowerCase(Locale.ROOT);
        String last = words[words.length - 1].toLowerCase(Locale.ROOT);
        if (!TEAM_WORDS.contains(first) && !TEAM_WORDS.contains(last)) {
            return false;
        }
        int named = 0;
        for (String word : words) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (TEAM_WORDS.contains(lower) || TEAM_FILLERS.contains(lower)) {
                continue;
            }
            if (ROLE_WORDS.contains(lower) || !Character.isUpperCase(word.codePointAt(0))) {
                return false;
            }
            named++;
        }
        return named > 0;
    }

    /**
     * A later part of a byline that says where the first name works or what they do, not a second name:
     * an institution ("Loyola University New Orleans"), a possessive ("Southern Living's"), or a single
     * word after a full name ("Gardener", "History"; people listed together are named in full).
     */
    private static boolean isAffiliation(String part, String firstName) {
        String[] words = part.split(" ");
        // Credentials ("MS", "RD", "Ph.D.") are kept: sites print them as part of the name.
        boolean credential = part.length() <= 6 && part.equals(part.toUpperCase(Locale.ROOT));
        if (words.length == 1 && firstName.contains(" ") && !credential) {
            return true;
        }
        if (part.endsWith("'s") || part.endsWith("’s") || (looksLikeTeam(part) && !looksLikeTeam(firstName))) {
            return true;
        }
        for (String word : words) {
            if (INSTITUTION_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** "Yucy Yucy" (a name printed twice by nested elements) is Yucy. */
    private static String withoutRepeat(String name) {
        String[] words = name.split(" ");
        if (words.length % 2 != 0) {
            return name;
        }
        int half = words.length / 2;
        for (int i = 0; i < half; i++) {
            if (!words[i].equals(words[i + half])) {
                return name;
            }
        }
        return String.join(" ", java.util.Arrays.copyOfRange(words, 0, half));
    }

    /** Whether {@code names} is one team byline ({@link #looksLikeTeam}) rather than people. */
    static boolean isTeam(List<String> names) {
        return names.size() == 1 && looksLikeTeam(names.get(0));
    }

    /** "Keith Barry Senior Autos Reporter" is Keith Barry: a name cut before its first role word. */
    private static String withoutTrailingRole(String name) {
        String[] words = name.split(" ");
        for (int i = 2; i < words.length; i++) {
            if (ROLE_WORDS.contains(words[i].toLowerCase(Locale.ROOT))) {
                return String.join(" ", java.util.Arrays.copyOfRange(words, 0, i));
            }
        }
        return name;
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
