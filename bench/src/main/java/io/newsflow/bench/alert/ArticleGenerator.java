package io.newsflow.bench.alert;

import io.newsflow.schema.Article;
import io.newsflow.schema.Category;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Entity;
import io.newsflow.schema.EntityType;
import io.newsflow.schema.Sentiment;
import io.newsflow.schema.SentimentLabel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Article-sized documents (400–800 words of body) from a {@link NewsVocabulary}, with a fixed seed.
 *
 * <p>Each article is "about" a few things: 2 places, 2 organisations, 3 people, 5 topic words and 2
 * topic phrases, mentioned again and again (22% of the words), in common English filler (76%), with
 * other news words sprinkled in as background (2%, e.g. a place named in passing). Headlines mix the
 * same ingredients. The enrichment fields are filled as the streams app would: language (85%
 * English), 1–3 IPTC categories, a sentiment score, the focus names as entities, publisher keywords.
 */
final class ArticleGenerator {

    static final List<String> OUTLETS = List.of(
            "The Harbour Courier", "Daily Ledger", "Morning Tribune", "Evening Standard Post", "Coastal Times",
            "The Northern Echo", "Metro Observer", "Capital Gazette", "Valley Herald", "Financial Review",
            "World Wire", "Business Daily", "The Sentinel", "River City News", "Island Chronicle",
            "The Continental", "Sunday Dispatch", "Market Watcher", "Civic Journal", "The Inquirer");
    private static final Instant PUBLISHED = Instant.parse("2025-03-01T06:00:00Z");

    private final NewsVocabulary words;

    ArticleGenerator(NewsVocabulary words) {
        this.words = words;
    }

    /** {@code count} articles with ids gen000001, ...; the same seed gives the same articles. */
    List<EnrichedArticle> generate(int count, long seed) {
        Random random = new Random(seed);
        List<EnrichedArticle> articles = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            articles.add(article(String.format(Locale.ROOT, "gen%06d", i), random));
        }
        return articles;
    }

    private EnrichedArticle article(String id, Random random) {
        Map<String, EntityType> entities = new LinkedHashMap<>();
        pickInto(entities, words.places, 2, EntityType.PLACE, random);
        pickInto(entities, words.organisations, 2, EntityType.ORGANIZATION, random);
        pickInto(entities, words.people, 3, EntityType.PERSON, random);
        List<String> focus = new ArrayList<>(entities.keySet());
        List<String> topics = new ArrayList<>(distinct(words.topics, 5, random));
        topics.addAll(distinct(words.phrases, 2, random));
        focus.addAll(topics);

        String title = headline(focus, random);
        String body = body(focus, entities, 400 + random.nextInt(401), random);
        String outlet = NewsVocabulary.uniform(OUTLETS, random);
        Instant published = PUBLISHED.plusSeconds(random.nextInt(30 * 24 * 3600));
        Article article = Article.newBuilder()
                .setId(id)
                .setUrl("https://news.example/" + id)
                .setCanonicalUrl("https://news.example/" + id)
                .setSourceId(outlet.toLowerCase(Locale.ROOT).replace(' ', '-'))
                .setTitle(title)
                .setAuthors(List.of(NewsVocabulary.uniform(words.people, random)))
                .setPublishedAt(published)
                .setBody(body)
                .setSource(outlet)
                .setSourceKeywords(topics.subList(0, 2 + random.nextInt(3)))
                .setLanguage("en")
                .setFetchedAt(published.plusSeconds(600))
                .setFieldSources(Map.of())
                .build();
        double sentiment = Math.round((random.nextDouble() * 1.6 - 0.8) * 100) / 100.0;
        return EnrichedArticle.newBuilder()
                .setArticle(article)
                .setLanguage(language(random))
                .setLanguageConfidence(0.9)
                .setCategories(categories(random))
                .setSentiment(Sentiment.newBuilder()
                        .setScore(sentiment)
                        .setLabel(sentiment <= -0.05 ? SentimentLabel.NEGATIVE
                                : sentiment >= 0.05 ? SentimentLabel.POSITIVE : SentimentLabel.NEUTRAL)
                        .setSentences(List.of())
                        .build())
                .setEntities(entityRecords(entities, title + "\n\n" + body))
                .setStoryId(id)
                .setDuplicateOf(null)
                .setEnrichedAt(published.plusSeconds(660))
                .build();
    }

    private static void pickInto(Map<String, EntityType> into, List<String> list, int n, EntityType type,
            Random random) {
        for (String entry : distinct(list, n, random)) {
            into.putIfAbsent(entry, type);
        }
    }

    private static Set<String> distinct(List<String> list, int n, Random random) {
        Set<String> picked = new LinkedHashSet<>();
        while (picked.size() < n) {
            picked.add(NewsVocabulary.pick(list, random));
        }
        return picked;
    }

    private String headline(List<String> focus, Random random) {
        List<String> parts = new ArrayList<>();
        int length = 6 + random.nextInt(7);
        int count = 0;
        while (count < length) {
            String part = random.nextInt(10) < 4 ? NewsVocabulary.uniform(focus, random)
                    : NewsVocabulary.pick(words.common, random);
            parts.add(part);
            count += part.split(" ").length;
        }
        return capitalised(String.join(" ", parts));
    }

    private String body(List<String> focus, Map<String, EntityType> entities, int targetWords, Random random) {
        StringBuilder body = new StringBuilder();
        int count = 0;
        while (count < targetWords) {
            int sentences = 3 + random.nextInt(3);
            for (int s = 0; s < sentences && count < targetWords; s++) {
                List<String> sentence = new ArrayList<>();
                int length = 10 + random.nextInt(16);
                int inSentence = 0;
                while (inSentence < length) {
                    String part = slot(focus, entities, random);
                    sentence.add(part);
                    inSentence += part.split(" ").length;
                }
                if (s > 0) {
                    body.append(' ');
                }
                body.append(capitalised(String.join(" ", sentence))).append('.');
                count += inSentence;
            }
            body.append("\n\n");
        }
        return body.toString().strip();
    }

    private String slot(List<String> focus, Map<String, EntityType> entities, Random random) {
        int roll = random.nextInt(100);
        if (roll < 76) {
            return NewsVocabulary.pick(words.common, random);
        }
        if (roll < 98) {
            String item = NewsVocabulary.uniform(focus, random);
            // After the first mention a person is mostly called by surname.
            if (entities.get(item) == EntityType.PERSON && random.nextBoolean()) {
                return item.substring(item.lastIndexOf(' ') + 1);
            }
            return item;
        }
        int section = random.nextInt(5);
        List<String> list = switch (section) {
            case 0 -> words.places;
            case 1 -> words.organisations;
            case 2 -> words.people;
            case 3 -> words.topics;
            default -> words.phrases;
        };
        return NewsVocabulary.pick(list, random);
    }

    private static String language(Random random) {
        int roll = random.nextInt(100);
        return roll < 85 ? "en" : roll < 90 ? "de" : roll < 95 ? "fr" : "es";
    }

    private static List<Category> categories(Random random) {
        List<Category> categories = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        int n = 1 + random.nextInt(3);
        while (codes.size() < n) {
            codes.add(NewsVocabulary.uniform(RuleGenerator.CATEGORIES, random));
        }
        double score = 1.0;
        for (String code : codes) {
            categories.add(new Category(code, code, score));
            score /= 2;
        }
        return categories;
    }

    private static List<Entity> entityRecords(Map<String, EntityType> entities, String text) {
        List<Entity> records = new ArrayList<>();
        entities.forEach((name, type) -> {
            int first = text.indexOf(name);
            int count = 0;
            for (int at = first; at >= 0; at = text.indexOf(name, at + name.length())) {
                count++;
            }
            records.add(new Entity(name, type, Math.max(count, 1), Math.max(first, 0)));
        });
        records.sort((a, b) -> Integer.compare(b.getCount(), a.getCount()));
        return records;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
