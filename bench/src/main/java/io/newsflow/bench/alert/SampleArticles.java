package io.newsflow.bench.alert;

import io.newsflow.producer.extract.ArticleExtractor;
import io.newsflow.producer.extract.Extraction;
import io.newsflow.producer.sample.SampleSite;
import io.newsflow.schema.Article;
import io.newsflow.schema.Category;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Sentiment;
import io.newsflow.schema.SentimentLabel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled sample site's nine articles, extracted by the producer's {@link ArticleExtractor} and
 * wrapped as {@link EnrichedArticle}s (English, neutral, one category), so that real prose with
 * its own vocabulary is matched alongside the generated articles.
 */
final class SampleArticles {

    static final List<String> NAMES = List.of(
            "central-bank-holds-rates", "coalition-wins-snap-election", "council-approves-tram-line",
            "ferry-bombing-suspect-arrested", "greywater-chip-plant-breaks-ground", "harbour-united-win-cup-final",
            "lantern-festival-record-crowds", "st-brendas-opens-vaccine-clinic", "storm-isolde-floods-lower-town");
    private static final Instant FETCHED = Instant.parse("2025-03-10T08:00:00Z");

    private SampleArticles() {}

    static List<EnrichedArticle> load() {
        ArticleExtractor extractor = new ArticleExtractor();
        List<EnrichedArticle> articles = new ArrayList<>();
        for (String name : NAMES) {
            String path = "articles/" + name + ".html";
            String url = "http://127.0.0.1:18080/" + path;
            Extraction extraction = extractor.extract(url, SampleSite.resource(path), "sample-site", FETCHED);
            if (!(extraction instanceof Extraction.Extracted extracted)) {
                throw new IllegalStateException("sample page " + path + " is not an article: "
                        + ((Extraction.NotArticle) extraction).reason());
            }
            articles.add(enriched(extracted.article()));
        }
        return articles;
    }

    private static EnrichedArticle enriched(Article article) {
        return EnrichedArticle.newBuilder()
                .setArticle(article)
                .setLanguage("en")
                .setLanguageConfidence(0.9)
                .setCategories(List.of(new Category("medtop:02000000", "crime, law and justice", 1.0)))
                .setSentiment(Sentiment.newBuilder()
                        .setScore(0.0)
                        .setLabel(SentimentLabel.NEUTRAL)
                        .setSentences(List.of())
                        .build())
                .setEntities(List.of())
                .setStoryId(article.getId())
                .setDuplicateOf(null)
                .setEnrichedAt(FETCHED)
                .build();
    }
}
