package io.newsflow.streams.enrich.internal;

import io.newsflow.schema.Entity;
import io.newsflow.schema.EntityType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the mentions the name rules find in one article and turns them into entities: people
 * merged by surname ("President Trump" and a later "Trump" count for "Donald Trump" when the article
 * names him in full), lone capitalised words counted for a person they name, acronyms that recur kept
 * as organisations. One instance per article; not thread-safe.
 */
public final class Mentions {

    /** A recurring acronym of this many letters that no list knows is taken for an organisation. */
    static final int MIN_ACRONYM = 3;
    static final int MAX_ACRONYM = 6;
    static final int MIN_ACRONYM_MENTIONS = 2;
    /** An unknown name of this many words whose last word is a known person's surname is that person. */
    static final int MAX_UPGRADED_WORDS = 3;

    private record Key(EntityType type, String name) {
    }

    private record Mention(List<String> words, int offset) {
        String name() {
            return String.join(" ", words);
        }
    }

    private static final class Tally {
        int count;
        int firstOffset = Integer.MAX_VALUE;

        void add(int offset) {
            count++;
            firstOffset = Math.min(firstOffset, offset);
        }
    }

    private final Map<Key, Tally> tallies = new LinkedHashMap<>();
    private final List<Mention> people = new ArrayList<>();
    private final List<Mention> others = new ArrayList<>();
    private final List<Mention> singles = new ArrayList<>();
    private final List<Mention> acronyms = new ArrayList<>();
    private final Set<String> midSentenceSingles = new HashSet<>();

    /** A place or organisation, by canonical name. */
    public void add(EntityType type, String name, int offset) {
        tallies.computeIfAbsent(new Key(type, name), k -> new Tally()).add(offset);
    }

    /** A person's name as written, title removed. */
    public void person(List<String> words, int offset) {
        people.add(new Mention(List.copyOf(words), offset));
    }

    /** Two or more capitalised words that no rule could type. */
    public void other(List<String> words, int offset) {
        others.add(new Mention(List.copyOf(words), offset));
    }

    /**
     * One capitalised word that no rule could type: maybe a surname mentioned again, maybe an acronym.
     *
     * @param midSentence      capitalised although no sentence starts there, and not after "the": a lone surname
     * @param acronymCandidate not part of a shouted (all-caps) phrase
     */
    public void single(String word, int offset, boolean midSentence, boolean acronymCandidate) {
        singles.add(new Mention(List.of(word), offset));
        if (midSentence) {
            midSentenceSingles.add(word);
        }
        if (acronymCandidate && isAcronym(word)) {
            acronyms.add(new Mention(List.of(word), offset));
        }
    }

    private static boolean isAcronym(String word) {
        return word.length() >= MIN_ACRONYM && word.length() <= MAX_ACRONYM
                && word.chars().allMatch(Character::isUpperCase);
    }

    /** The entities, most mentioned first (ties: first mentioned first), at most {@code max}. */
    public List<Entity> resolve(int max) {
        Map<String, String> byName = resolvePeople();
        Set<String> usedSingles = new HashSet<>();
        for (Mention single : singles) {
            String person = byName.get(single.name());
            if (person != null) {
                add(EntityType.PERSON, person, single.offset());
                usedSingles.add(single.name());
            }
        }
        Map<String, List<Mention>> acronymMentions = new LinkedHashMap<>();
        for (Mention acronym : acronyms) {
            if (!usedSingles.contains(acronym.name())) {
                acronymMentions.computeIfAbsent(acronym.name(), k -> new ArrayList<>()).add(acronym);
            }
        }
        acronymMentions.values().stream().filter(list -> list.size() >= MIN_ACRONYM_MENTIONS).flatMap(List::stream)
                .forEach(m -> add(EntityType.ORGANIZATION, m.name(), m.offset()));
        return tallies.entrySet().stream()
                .sorted(Comparator.<Map.Entry<Key, Tally>>comparingInt(e -> -e.getValue().count)
                        .thenComparingInt(e -> e.getValue().firstOffset))
                .limit(max)
                .map(e -> new Entity(e.getKey().name(), e.getKey().type(), e.getValue().count,
                        e.getValue().firstOffset))
                .toList();
    }

    /**
     * Tallies the people and returns how each single word and surname should be counted: word → the
     * person's canonical name.
     */
    private Map<String, String> resolvePeople() {
        Set<String> surnames = new HashSet<>();
        for (Mention person : people) {
            surnames.add(person.words().get(person.words().size() - 1));
        }
        // "Abbey Gate" stays OTHER, but "Shehbaz Sharif" becomes a person once "Mr Sharif" appears, and
        // "Jonny Wilkinson" once a lone "Wilkinson" follows: news names a person in full, then by surname.
        List<Mention> all = new ArrayList<>(people);
        for (Mention other : others) {
            String last = other.words().get(other.words().size() - 1);
            boolean surnameLike = last.chars().anyMatch(Character::isLowerCase);
            if (other.words().size() <= MAX_UPGRADED_WORDS && surnameLike
                    && (surnames.contains(last) || midSentenceSingles.contains(last))) {
                all.add(other);
            } else {
                add(EntityType.OTHER, other.name(), other.offset());
            }
        }
        Map<String, Set<String>> fullNamesBySurname = new HashMap<>();
        for (Mention person : all) {
            if (person.words().size() > 1) {
                fullNamesBySurname.computeIfAbsent(person.words().get(person.words().size() - 1), k -> new HashSet<>())
                        .add(person.name());
            }
        }
        Map<String, String> canonical = new HashMap<>();
        for (Mention person : all) {
            String name = person.name();
            if (person.words().size() == 1) {
                Set<String> full = fullNamesBySurname.getOrDefault(name, Set.of());
                // An ambiguous surname (two Khans) stays as written rather than being guessed.
                name = full.size() == 1 ? full.iterator().next() : name;
            }
            add(EntityType.PERSON, name, person.offset());
            String surname = person.words().get(person.words().size() - 1);
            if (fullNamesBySurname.getOrDefault(surname, Set.of()).size() <= 1) {
                canonical.put(surname, name);
            }
        }
        return canonical;
    }
}
