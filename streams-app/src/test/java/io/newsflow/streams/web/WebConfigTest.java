package io.newsflow.streams.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebConfigTest {

    @Test
    void loopbackHostNeedsNoToken() {
        assertThat(new WebConfig("127.0.0.1", 0, null).tokenRequired()).isFalse();
        assertThat(new WebConfig("localhost", 8088, "").token()).isNull();
        assertThat(new WebConfig("::1", 65535, null).host()).isEqualTo("::1");
    }

    @Test
    void refusesNonLoopbackHostWithoutToken() {
        assertThatThrownBy(() -> new WebConfig("0.0.0.0", 8088, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("web.token").hasMessageContaining("web.host");
        assertThatThrownBy(() -> new WebConfig("192.0.2.10", 8088, "  "))
                .hasMessageContaining("web.token");
        assertThat(new WebConfig("0.0.0.0", 8088, "s3cret-token").tokenRequired()).isTrue();
    }

    @Test
    void refusesMissingHostAndBadPort() {
        assertThatThrownBy(() -> new WebConfig(" ", 8088, null)).hasMessageContaining("web.host");
        assertThatThrownBy(() -> new WebConfig(null, 8088, null)).hasMessageContaining("web.host");
        assertThatThrownBy(() -> new WebConfig("127.0.0.1", -1, null)).hasMessageContaining("web.port");
        assertThatThrownBy(() -> new WebConfig("127.0.0.1", 65536, null)).hasMessageContaining("web.port");
    }

    @Test
    void toStringHidesTheToken() {
        assertThat(new WebConfig("0.0.0.0", 1, "s3cret-token").toString())
                .doesNotContain("s3cret").contains("0.0.0.0");
    }
}
