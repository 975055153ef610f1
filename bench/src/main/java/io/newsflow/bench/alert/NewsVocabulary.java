package io.newsflow.bench.alert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The word lists rules and articles are drawn from ({@code news-vocabulary.txt} next to this class):
 * places, organisations, made-up people, topic words and phrases, and common English filler.
 *
 * <p>News is skewed: a few names and topics are everywhere, most are rare. Each list is shuffled
 * once with the seed, so which entries are "popular" is arbitrary but fixed, and {@link #pick} draws
 * with a skew (the first 1% of a list gets about 5% of the draws, the first 10% about 22%), for rules and articles alike.
 * Immutable after construction; {@link #pick} takes the caller's {@link Random}.
 */
final class NewsVocabulary {

    static final String RESOURCE = "news-vocabulary.txt";
    /** Draw index = size * u^SKEW for uniform u: P(index < k) = (k / size)^(1 / SKEW). */
    private static final double SKEW = 1.5;
    /** Made-up people (first name + surname): news names far more people than places or companies. */
    private static final int PEOPLE = 4000;

    final List<String> places;
    final List<String> organisations;
    final List<String> people;
    final List<String> topics;
    final List<String> phrases;
    final List<String> common;

    private NewsVocabulary(Map<String, List<String>> sections, int peopleCount, Random random) {
        places = shuffled(section(sections, "places"), random);
        organisations = shuffled(section(sections, "organisations"), random);
        topics = shuffled(section(sections, "topics"), random);
        phrases = shuffled(section(sections, "phrases"), random);
        common = shuffled(section(sections, "common"), random);
        people = makePeople(section(sections, "first-names"), section(sections, "surnames"), peopleCount, random);
    }

    /** Loads the bundled vocabulary; {@code seed} fixes the popularity order and the people. */
    static NewsVocabulary load(long seed) {
        try (InputStream in = NewsVocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " next to " + NewsVocabulary.class);
            }
            return new NewsVocabulary(parse(in), PEOPLE, new Random(seed));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Number of distinct entries, people included. */
    int size() {
        return places.size() + organisations.size() + people.size() + topics.size() + phrases.size()
                + common.size();
    }

    /** An entry of {@code list}, skewed towards its start. */
    static String pick(List<String> list, Random random) {
        double u = random.nextDouble();
        return list.get((int) (list.size() * Math.pow(u, SKEW)));
    }

    /** An entry of {@code list}, every entry equally likely. */
    static String uniform(List<String> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }

    private static Map<String, List<String>> parse(InputStream in) throws IOException {
        Map<String, Set<String>> sections = new LinkedHashMap<>();
        Set<String> current = null;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            if (entry.startsWith("[") && entry.endsWith("]")) {
                current = sections.computeIfAbsent(entry.substring(1, entry.length() - 1), k -> new LinkedHashSet<>());
            } else if (current == null) {
                throw new IllegalStateException(RESOURCE + ": entry '" + entry + "' before the first [section]");
            } else {
                current.add(entry); // a set: an entry listed twice is drawn as often as the others
            }
        }
        Map<String, List<String>> lists = new LinkedHashMap<>();
        sections.forEach((name, entries) -> lists.put(name, List.copyOf(entries)));
        return lists;
    }

    private static List<String> section(Map<String, List<String>> sections, String name) {
        List<String> list = sections.get(name);
        if (list == null || list.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has no [" + name + "] entries");
        }
        return list;
    }

    private static List<String> shuffled(List<String> list, Random random) {
        List<String> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return List.copyOf(copy);
    }

    private static List<String> makePeople(List<String> first, List<String> last, int count, Random random) {
        Set<String> people = new LinkedHashSet<>();
        int wanted = Math.min(count, first.size() * last.size());
        while (people.size() < wanted) {
            people.add(uniform(first, random) + " " + uniform(last, random));
        }
        return List.copyOf(people);
    }
}
