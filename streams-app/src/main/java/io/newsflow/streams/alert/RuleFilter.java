package io.newsflow.streams.alert;

import io.newsflow.schema.AlertRule;
import io.newsflow.schema.Article;
import io.newsflow.schema.Category;
import io.newsflow.schema.EnrichedArticle;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The optional filters of an {@link AlertRule}, normalised once: a rule matches an article only if
 * its query matches and every filter that is set passes.
 *
 * <ul>
 *   <li>{@code categories}: one of the article's IPTC codes is listed (exact code);
 *   <li>{@code languages}: the article's detected language is listed (case-insensitive);
 *   <li>{@code sources}: the article's outlet name or source id is listed (case-insensitive);
 *   <li>{@code minAbsSentiment}: |sentiment score| is at least this; an article without a
 *       sentiment counts as neutral (score 0).
 * </ul>
 * An empty list or a null minimum means "no filter". Immutable and thread-safe.
 */
public final class RuleFilter {

    private static final RuleFilter NONE = new RuleFilter(Set.of(), Set.of(), Set.of(), null);

    private final Set<String> categories;
    private final Set<String> languages;
    private final Set<String> sources;
    private final Double minAbsSentiment;

    private RuleFilter(Set<String> categories, Set<String> languages, Set<String> sources,
            Double minAbsSentiment) {
        this.categories = categories;
        this.languages = languages;
        this.sources = sources;
        this.minAbsSentiment = minAbsSentiment;
    }

    /** The filters of a rule; the rule is not validated here (see {@link RuleValidator}). */
    public static RuleFilter of(AlertRule rule) {
        Set<String> categories = normalised(rule.getCategories(), false);
        Set<String> languages = normalised(rule.getLanguages(), true);
        Set<String> sources = normalised(rule.getSources(), true);
        Double min = rule.getMinAbsSentiment();
        if (categories.isEmpty() && languages.isEmpty() && sources.isEmpty() && min == null) {
            return NONE;
        }
        return new RuleFilter(categories, languages, sources, min);
    }

    /** True when no filter is set, so every article whose text matches passes. */
    public boolean isEmpty() {
        return this == NONE;
    }

    /** Whether the article passes every filter that is set. */
    public boolean accepts(EnrichedArticle article) {
        return isEmpty() || accepts(Facts.of(article));
    }

    /** Whether an article with these facts passes every filter that is set. */
    public boolean accepts(Facts facts) {
        if (isEmpty()) {
            return true;
        }
        if (!categories.isEmpty() && !anyIn(facts.categories(), categories)) {
            return false;
        }
        if (!languages.isEmpty() && !languages.contains(facts.language())) {
            return false;
        }
        if (!sources.isEmpty() && !sources.contains(facts.source()) && !sources.contains(facts.sourceId())) {
            return false;
        }
        return minAbsSentiment == null || facts.absSentiment() >= minAbsSentiment;
    }

    private static boolean anyIn(List<String> values, Set<String> wanted) {
        for (String value : values) { // a loop, not a stream: this runs for every candidate rule
            if (wanted.contains(value)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> normalised(Collection<String> values, boolean lowerCase) {
        if (values == null || values.isEmpty()) {
            return Set.of();
        }
        Set<String> set = new HashSet<>();
        for (String value : values) {
            if (value != null) {
                set.add(lowerCase ? key(value) : value.strip());
            }
        }
        return Set.copyOf(set);
    }

    private static String key(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * What the filters look at, taken from an article once so that thousands of candidate rules can
     * be checked against it without re-reading the record.
     *
     * @param categories the article's IPTC codes
     * @param language detected language, lower-cased ("" when unknown)
     * @param source outlet name, lower-cased ("" when unknown)
     * @param sourceId id of the configured source, lower-cased ("" when unknown)
     * @param absSentiment absolute sentiment score (0 when there is none)
     */
    public record Facts(List<String> categories, String language, String source, String sourceId,
            double absSentiment) {

        /** Reads the facts of an enriched article. */
        public static Facts of(EnrichedArticle enriched) {
            Article article = enriched.getArticle();
            List<String> codes = enriched.getCategories() == null ? List.of()
                    : enriched.getCategories().stream().filter(Objects::nonNull).map(Category::getCode)
                            .filter(Objects::nonNull).toList();
            double sentiment = enriched.getSentiment() == null ? 0.0 : enriched.getSentiment().getScore();
            return new Facts(codes, key(enriched.getLanguage()), key(article.getSource()),
                    key(article.getSourceId()), Math.abs(sentiment));
        }
    }
}
