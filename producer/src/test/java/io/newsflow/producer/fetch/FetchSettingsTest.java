package io.newsflow.producer.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.producer.ProducerSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The producer.fetch.* keys, read by {@link ProducerSettings}. */
class FetchSettingsTest {

    static Map<String, String> settings(String... keyValues) {
        Map<String, String> s = new HashMap<>(Map.of("bootstrap.servers", "127.0.0.1:9092",
                "producer.sources.file", "sources.yaml"));
        for (int i = 0; i < keyValues.length; i += 2) {
            s.put(keyValues[i], keyValues[i + 1]);
        }
        return s;
    }

    @Test
    void defaultsRefuseEveryPrivateRangeAndNameTheProject() {
        FetchSettings fetch = ProducerSettings.from(settings()).fetch();

        assertThat(fetch.allowedAddresses()).isEmpty();
        assertThat(fetch.maxRedirects()).isEqualTo(5);
        assertThat(fetch.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(fetch.userAgent()).isEqualTo("Newsflow/0.1 (+https://github.com/newsflow/newsflow)");
    }

    @Test
    void readsTheFetchKeys() {
        FetchSettings fetch = ProducerSettings.from(settings(
                "producer.fetch.allow.addresses", "10.0.0.0/8, fd00::/8",
                "producer.fetch.max.redirects", "2",
                "producer.fetch.read.timeout.ms", "1500",
                "producer.user.agent", "AcmeBot/1.0 (+https://acme.example/bot)")).fetch();

        assertThat(fetch.allowedAddresses()).extracting(AddressRange::toString).containsExactly("10.0.0.0/8", "fd00:0:0:0:0:0:0:0/8");
        assertThat(fetch.maxRedirects()).isEqualTo(2);
        assertThat(fetch.readTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(fetch.userAgent()).isEqualTo("AcmeBot/1.0 (+https://acme.example/bot)");
    }

    @Test
    void theBundledSampleSiteOn127IsAllowedWhenNoSourcesFileIsSet() {
        Map<String, String> s = settings();
        s.remove("producer.sources.file");

        assertThat(ProducerSettings.from(s).fetch().allowedAddresses()).extracting(AddressRange::toString)
                .containsExactly("127.0.0.0/8");
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> ProducerSettings.from(settings("producer.fetch.allow.addresses", "intranet")))
                .hasMessageStartingWith("producer.fetch.allow.addresses:");
        assertThatThrownBy(() -> ProducerSettings.from(settings("producer.fetch.max.redirects", "-1")))
                .hasMessageStartingWith("producer.fetch.max.redirects");
        assertThatThrownBy(() -> ProducerSettings.from(settings("producer.fetch.read.timeout.ms", "0")))
                .hasMessageStartingWith("producer.fetch.read.timeout.ms");
        assertThatThrownBy(() -> ProducerSettings.from(settings("producer.user.agent", "a\r\nX-Injected: 1")))
                .hasMessageStartingWith("producer.user.agent");
    }

    @Test
    void allowingAddsRangesToACopy() {
        FetchSettings base = new FetchSettings("ua", Duration.ofSeconds(1), Duration.ofSeconds(2), 4096);

        assertThat(base.allowing("127.0.0.0/8", "::1").allowedAddresses()).hasSize(2);
        assertThat(base.allowedAddresses()).isEqualTo(List.of());
    }
}
