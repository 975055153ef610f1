package io.newsflow.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsflow.schema.Article;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Entity;
import io.newsflow.schema.EntityType;
import io.newsflow.schema.SentimentLabel;
import java.time.Instant;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleEnricherTest {

    private static final ArticleEnricher ENRICHER = ArticleEnricher.createDefault();
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private static Article article(String title, String body, String declaredLanguage) {
        return Article.newBuilder()
                .setId("0123456789abcdef0123456789abcdef")
                .setUrl("https://news.example/a/1")
                .setCanonicalUrl("https://news.example/a/1")
                .setSourceId("example")
                .setTitle(title)
                .setBody(body)
                .setSourceKeywords(List.of("politics"))
                .setLanguage(declaredLanguage)
                .setFetchedAt(Instant.parse("2025-03-01T11:59:00Z"))
                .build();
    }

    @Test
    void recordsTheVersionOfEveryModelBehindItsTags() {
        EnrichedArticle enriched = ENRICHER.enrich(article("Storm floods the harbour",
                "Heavy rain flooded the lower town on Tuesday and the council opened shelters.", "en"), NOW);

        assertThat(enriched.getModels()).containsOnlyKeys("language", "categories", "sentiment", "entities", "stories");
        assertThat(enriched.getModels().get("categories")).startsWith("iptc-terms-");
        assertThat(enriched.getModels()).isEqualTo(ENRICHER.models());
    }

    @Test
    void aTrainedCategoryModelIsUsedWhenOneIsConfigured(@TempDir Path dir) {
        TrainedCategoryModel trained = TrainedCategoryModel.train(CategoryTrainingSet.make(30, 1),
                CategoryLabelMap.identity(), TrainedCategoryModel.Options.defaults());
        Path file = dir.resolve("categories.bin");
        trained.save(file);

        ArticleEnricher enricher = ArticleEnricher.create(file);
        EnrichedArticle enriched = enricher.enrich(article("Cup final tonight",
                "The striker scored twice and the goalkeeper saved a penalty in the match.", "en"), NOW);

        assertThat(enricher.models().get("categories")).isEqualTo(trained.version()).startsWith("opennlp-doccat-");
        assertThat(enriched.getModels().get("categories")).isEqualTo(trained.version());
        assertThat(ArticleEnricher.create(null).models().get("categories")).isEqualTo(ENRICHER.models().get("categories"));
    }

    @Test
    void enrichesEnglishArticleWithEveryField() {
        Article article = article("Parliament rejects budget as coalition collapses",
                "The government lost a crucial vote in parliament on Tuesday, and the prime minister said "
                        + "an early election was now likely. Opposition parties welcomed the defeat, but "
                        + "ministers warned of a deep crisis.",
                null);

        EnrichedArticle enriched = ENRICHER.enrich(article, NOW);

        assertThat(enriched.getArticle()).isEqualTo(article);
        assertThat(enriched.getLanguage()).isEqualTo("en");
        assertThat(enriched.getLanguageConfidence()).isBetween(0.5, 1.0);
        assertThat(enriched.getCategories()).isNotEmpty();
        assertThat(enriched.getCategories().get(0).getCode()).isEqualTo("medtop:11000000");
        assertThat(enriched.getSentiment().getLabel()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(enriched.getSentiment().getSentences()).isNotEmpty();
        assertThat(enriched.getEnrichedAt()).isEqualTo(NOW);
    }

    @Test
    void fallsBackToDeclaredLanguageWhenTextIsTooShort() {
        EnrichedArticle enriched = ENRICHER.enrich(article("Brexit", "Live updates", "en-GB"), NOW);
        assertThat(enriched.getLanguage()).isEqualTo("en");
        assertThat(enriched.getLanguageConfidence()).isEqualTo(0.5);
    }

    @Test
    void shortUndeclaredTextIsUndetermined() {
        EnrichedArticle enriched = ENRICHER.enrich(article("Brexit", "Live updates", null), NOW);
        assertThat(enriched.getLanguage()).isEqualTo("und");
        assertThat(enriched.getLanguageConfidence()).isZero();
    }

    @Test
    void englishArticleGetsItsNamedEntitiesMostMentionedFirst() {
        EnrichedArticle enriched = ENRICHER.enrich(article("Pakistan hands ISIS-K suspect to the US",
                "Pakistan arrested the ISIS-K operative last month, officials in Islamabad said. President Trump "
                        + "thanked Pakistan in a speech to Congress, and Trump said the United States would "
                        + "deepen cooperation with Pakistan.", "en"), NOW);

        // Pakistan 4 times; then ISIS-K, the US and Trump twice each, in order of first mention.
        assertThat(enriched.getEntities()).extracting(Entity::getText, Entity::getType).startsWith(
                tuple("Pakistan", EntityType.PLACE), tuple("ISIS-K", EntityType.ORGANIZATION),
                tuple("United States", EntityType.PLACE), tuple("Trump", EntityType.PERSON));
        assertThat(enriched.getEntities()).extracting(Entity::getText, Entity::getType).contains(
                tuple("Islamabad", EntityType.PLACE), tuple("Congress", EntityType.ORGANIZATION));
        assertThat(enriched.getEntities().get(0).getCount()).isEqualTo(4);
        assertThat(enriched.getEntities().get(0).getFirstOffset()).isZero();
        assertThat(enriched.getStoryId()).isNull();
        assertThat(enriched.getDuplicateOf()).isNull();
    }

    @Test
    void nonEnglishArticleGetsOnlyListedEntities() {
        EnrichedArticle enriched = ENRICHER.enrich(article("Die Wahl in Berlin",
                "Die Regierung hat am Montag angekündigt, dass die Wahl im Herbst stattfinden wird und "
                        + "dass die Parteien mit dem Ergebnis zufrieden sind.", "de"), NOW);

        assertThat(enriched.getEntities()).extracting(Entity::getText, Entity::getType)
                .containsExactly(tuple("Berlin", EntityType.PLACE));
    }

    @Test
    void nonEnglishArticleGetsNoEnglishWordListResults() {
        EnrichedArticle enriched = ENRICHER.enrich(article("Die Wahl in Berlin",
                "Die Regierung hat am Montag angekündigt, dass die Wahl im Herbst stattfinden wird und "
                        + "dass die Parteien mit dem Ergebnis zufrieden sind.", "de"), NOW);
        assertThat(enriched.getLanguage()).isEqualTo("de");
        assertThat(enriched.getCategories()).isEmpty();
        assertThat(enriched.getSentiment().getLabel()).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(enriched.getSentiment().getSentences()).isEmpty();
    }
}
