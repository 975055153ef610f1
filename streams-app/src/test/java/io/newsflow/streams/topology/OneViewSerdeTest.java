package io.newsflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schema.AlertRule;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.KeywordAlert;
import io.newsflow.schema.OneViewRecord;
import io.newsflow.schemas.AvroSerde;
import io.newsflow.streams.alert.AlertMatcher;
import io.newsflow.streams.enrich.ArticleEnricher;
import io.newsflow.streams.enrich.SimHash;
import java.time.Clock;
import java.time.ZoneOffset;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OneViewSerdeTest {

    private static final String TITLE = "Storm floods the lower town";
    private static final String BODY = "Storm Isolde flooded the lower town on Tuesday night. The river rose two metres "
            + "and the council opened the sports hall for families who left their homes. Crews pumped water "
            + "from the streets until morning, and the ferry to the islands was cancelled for a second day.";

    private final AlertMatcher matcher = new AlertMatcher();
    private final Clock clock = Clock.fixed(NewsTopologyTest.NOW, ZoneOffset.UTC);
    private final OneViewSerde serde = new OneViewSerde(article -> NewsTopology.prepareOneView(article, matcher, clock));
    private final EnrichedArticle enriched = ArticleEnricher.createDefault()
            .enrich(NewsTopologyTest.article("a1", TITLE, BODY), NewsTopologyTest.NOW);

    @AfterEach
    void close() {
        matcher.close();
    }

    @Test
    void recordsRoundTripWithFingerprintsAndAlerts() throws Exception {
        matcher.upsert(AlertRule.newBuilder().setId("floods").setName("Floods").setQuery("flood*").build());
        OneViewRecord record = NewsTopology.prepareOneView(enriched, matcher, clock);

        OneViewRecord read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", record));

        assertThat(read).isEqualTo(record);
        assertThat(read.getBodyFingerprint()).isEqualTo(SimHash.of(TITLE, BODY));
        assertThat(read.getLeadFingerprint()).isEqualTo(SimHash.ofLead(TITLE, BODY));
        assertThat(read.getAlerts()).extracting(KeywordAlert::getRuleId).containsExactly("floods");
    }

    @Test
    void aBareEnrichedArticleWrittenBeforeTheUpgradeIsCompleted() throws Exception {
        matcher.upsert(AlertRule.newBuilder().setId("floods").setName("Floods").setQuery("flood*").build());
        byte[] oldFormat = AvroSerde.of(EnrichedArticle.class).encode(enriched);

        OneViewRecord read = serde.deserializer().deserialize("t", oldFormat);

        assertThat(read.getArticle()).isEqualTo(enriched);
        assertThat(read.getBodyFingerprint()).isEqualTo(SimHash.of(TITLE, BODY));
        assertThat(read.getAlerts()).extracting(KeywordAlert::getRuleId).containsExactly("floods");
    }

    @Test
    void anythingElseIsASerializationError() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {1, 2, 3}))
                .isInstanceOf(SerializationException.class);
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }
}
