package io.newsflow.cli;

import io.newsflow.schema.AlertRule;
import io.newsflow.schema.Article;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.FetchStatus;
import io.newsflow.schema.KeywordAlert;
import io.newsflow.schema.Trend;
import io.newsflow.schemas.Topics;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/** Which value schema a Newsflow topic carries, found from its name (with or without the prefix). */
enum TopicKind {
    ARTICLES_RAW("news.articles.raw", Article.class),
    ARTICLES_ENRICHED("news.articles.enriched", EnrichedArticle.class),
    ALERTS("news.alerts", KeywordAlert.class),
    ALERT_RULES("news.alert-rules", AlertRule.class),
    FETCH_STATUS("news.fetch-status", FetchStatus.class),
    TRENDS("news.trends", Trend.class),
    ARTICLES_FLAT("news.articles.flat", null),
    ALERTS_FLAT("news.alerts.flat", null),
    DEAD_LETTERS("news.dlq", null);

    private final String baseName;
    private final Class<? extends SpecificRecord> valueType;

    TopicKind(String baseName, Class<? extends SpecificRecord> valueType) {
        this.baseName = baseName;
        this.valueType = valueType;
    }

    static Optional<TopicKind> of(String topic, Topics topics) {
        for (TopicKind kind : values()) {
            if (topic.equals(topics.prefix() + kind.baseName) || topic.endsWith(kind.baseName)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Generated class of the values, or null for topics whose values are not Avro (DLQ, flat JSON). */
    Class<? extends SpecificRecord> valueType() {
        return valueType;
    }

    String baseName() {
        return baseName;
    }
}
