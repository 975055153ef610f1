package io.newsflow.bench.alert;

import io.newsflow.schema.AlertRule;
import io.newsflow.schema.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Alert rules of the shapes analysts write, drawn from a {@link NewsVocabulary} with a fixed seed.
 *
 * <p>Shares, by {@link Shape}: single name or topic 22%, 2–3 word phrase 13%, proximity
 * {@code "a b"~5} 13%, {@code (a OR b) AND c} 20%, {@code a AND NOT b} 12%, headline-only
 * {@code title:x} 12%, wildcard {@code stem*} (alone or with a name) 8%. About one rule in five also
 * has a filter (language, categories, sources or minimum sentiment). Multi-word names are quoted
 * phrases, as a rule's author would write them.
 */
final class RuleGenerator {

    /** The rule shapes and their share of generated rules. */
    enum Shape {
        TERM(22), PHRASE(13), PROXIMITY(13), OR_AND(20), AND_NOT(12), TITLE(12), WILDCARD(8);

        final int percent;

        Shape(int percent) {
            this.percent = percent;
        }
    }

    static final List<String> CATEGORIES = List.of(
            "medtop:01000000", "medtop:02000000", "medtop:03000000", "medtop:04000000", "medtop:05000000",
            "medtop:06000000", "medtop:07000000", "medtop:08000000", "medtop:09000000", "medtop:10000000",
            "medtop:11000000", "medtop:12000000", "medtop:13000000", "medtop:14000000", "medtop:15000000",
            "medtop:16000000", "medtop:17000000");

    private final NewsVocabulary words;
    private final List<String> shortPhrases;
    private final List<String> longTopics;
    private final Map<Shape, Integer> counts = new EnumMap<>(Shape.class);

    RuleGenerator(NewsVocabulary words) {
        this.words = words;
        this.shortPhrases = words.phrases.stream().filter(p -> p.split(" ").length <= 3).toList();
        this.longTopics = words.topics.stream().filter(t -> t.length() >= 7).toList();
    }

    /** {@code count} rules with ids r0000001, r0000002, ...; the same seed gives the same rules. */
    List<AlertRule> generate(int count, long seed) {
        Random random = new Random(seed);
        List<AlertRule> rules = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            Shape shape = shape(random);
            counts.merge(shape, 1, Integer::sum);
            AlertRule rule = AlertRule.newBuilder()
                    .setId(String.format(Locale.ROOT, "r%07d", i))
                    .setName("Generated rule " + i + " (" + shape.name().toLowerCase(Locale.ROOT) + ")")
                    .setQuery(query(shape, random))
                    .setOwner("desk-" + random.nextInt(50))
                    .setSeverity(Severity.values()[random.nextInt(Severity.values().length)])
                    .setEnabled(true)
                    .setVersion(1)
                    .setCategories(new ArrayList<>())
                    .setLanguages(new ArrayList<>())
                    .setSources(new ArrayList<>())
                    .setMinAbsSentiment(null)
                    .build();
            addFilter(rule, random);
            rules.add(rule);
        }
        return rules;
    }

    /** How many rules of each shape were generated so far. */
    Map<Shape, Integer> counts() {
        return Map.copyOf(counts);
    }

    private static Shape shape(Random random) {
        int roll = random.nextInt(100);
        for (Shape shape : Shape.values()) {
            roll -= shape.percent;
            if (roll < 0) {
                return shape;
            }
        }
        return Shape.TERM;
    }

    private String query(Shape shape, Random random) {
        switch (shape) {
            case TERM:
                return random.nextInt(4) == 0 ? term(NewsVocabulary.pick(words.topics, random)) : term(entity(random));
            case PHRASE:
                return quoted(NewsVocabulary.pick(shortPhrases, random));
            case PROXIMITY:
                return "\"" + oneWord(entity(random)) + " " + NewsVocabulary.pick(words.topics, random) + "\"~5";
            case OR_AND:
                return "(" + term(topicOrPhrase(random)) + " OR " + term(topicOrPhrase(random)) + ") AND "
                        + term(entity(random));
            case AND_NOT:
                return term(entity(random)) + " AND NOT " + term(NewsVocabulary.pick(words.topics, random));
            case TITLE:
                return "title:" + term(random.nextBoolean() ? entity(random) : NewsVocabulary.pick(words.topics, random));
            case WILDCARD:
                String stem = stem(NewsVocabulary.pick(longTopics, random));
                return random.nextBoolean() ? stem : stem + " AND " + term(entity(random));
            default:
                throw new IllegalArgumentException(shape.name());
        }
    }

    /** A place, organisation or person, in the shares news mentions them. */
    private String entity(Random random) {
        int roll = random.nextInt(10);
        List<String> list = roll < 4 ? words.places : roll < 7 ? words.organisations : words.people;
        return NewsVocabulary.pick(list, random);
    }

    private String topicOrPhrase(Random random) {
        return random.nextInt(3) == 0 ? NewsVocabulary.pick(shortPhrases, random)
                : NewsVocabulary.pick(words.topics, random);
    }

    /** A plain word stays a term; anything with a space or punctuation becomes a quoted phrase. */
    static String term(String entry) {
        return entry.chars().allMatch(Character::isLetterOrDigit) ? entry : quoted(entry);
    }

    private static String quoted(String entry) {
        return "\"" + entry.replace("\"", "") + "\"";
    }

    /** One word of a name, for proximity: a person's surname, else the longest word. */
    private static String oneWord(String entry) {
        String best = "";
        for (String word : entry.split("\\s+")) {
            if (word.chars().anyMatch(Character::isLetter) && word.length() >= best.length()) {
                best = word; // ties go to the later word: a surname over a first name
            }
        }
        return best;
    }

    /**
     * A topic word of 7 letters or more cut by 2 to a stem with a trailing wildcard, as an author
     * catches inflections: "extradition" becomes "extraditi*", "sanctions" "sanctio*".
     */
    private static String stem(String topic) {
        return topic.substring(0, topic.length() - 2) + "*";
    }

    private void addFilter(AlertRule rule, Random random) {
        int roll = random.nextInt(100);
        if (roll < 8) {
            rule.getLanguages().add("en");
        } else if (roll < 14) {
            rule.getCategories().add(NewsVocabulary.uniform(CATEGORIES, random));
            if (random.nextBoolean()) {
                rule.getCategories().add(NewsVocabulary.uniform(CATEGORIES, random));
            }
        } else if (roll < 17) {
            rule.getSources().add(NewsVocabulary.uniform(ArticleGenerator.OUTLETS, random));
        } else if (roll < 20) {
            rule.setMinAbsSentiment(0.2 + random.nextInt(5) / 10.0);
        }
    }
}
