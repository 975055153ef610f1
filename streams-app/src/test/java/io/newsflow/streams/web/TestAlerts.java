package io.newsflow.streams.web;

import io.newsflow.schema.AlertKind;
import io.newsflow.schema.KeywordAlert;
import io.newsflow.schema.Severity;
import java.time.Instant;
import java.util.List;

/** Alerts for the web tests, every field set (Avro refuses some defaults unless trusted). */
final class TestAlerts {

    static final Instant DETECTED = Instant.parse("2024-05-01T09:30:00Z");

    private TestAlerts() {}

    static KeywordAlert alert(String ruleId, String articleId, Severity severity, String owner) {
        return alert(ruleId, articleId, severity, owner, DETECTED);
    }

    static KeywordAlert alert(String ruleId, String articleId, Severity severity, String owner, Instant detectedAt) {
        return KeywordAlert.newBuilder()
                .setAlertId(ruleId + ":" + articleId)
                .setRuleId(ruleId)
                .setRuleName("Rule " + ruleId)
                .setRuleVersion(1)
                .setSeverity(severity)
                .setArticleId(articleId)
                .setUrl("https://news.example/" + articleId)
                .setTitle("Port workers strike in " + articleId)
                .setSource("The Harbour Courier")
                .setPublishedAt(Instant.parse("2024-05-01T08:00:00Z"))
                .setMatchedTerms(List.of("strike"))
                .setSnippet("… dock workers began a [[strike]] on Monday …")
                .setCategories(List.of("medtop:09000000"))
                .setSentimentScore(-0.3)
                .setDetectedAt(detectedAt)
                .setOwner(owner)
                .setStoryId("story-" + articleId)
                .setKind(AlertKind.NEW)
                .setOccurrences(1)
                .build();
    }
}
