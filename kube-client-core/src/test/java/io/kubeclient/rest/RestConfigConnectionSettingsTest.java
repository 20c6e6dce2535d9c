package io.kubeclient.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestConfigConnectionSettingsTest {

    @Test
    void defaultsAreTheTransportsConnectTimeoutAndTenRetries() {
        RestConfig c = RestConfig.builder().build();
        assertThat(c.connectTimeout()).isNull();
        assertThat(c.maxRetries()).isEqualTo(RestConfig.DEFAULT_MAX_RETRIES).isEqualTo(10);
        assertThat(c.toString()).doesNotContain("connectTimeout").doesNotContain("maxRetries");
    }

    @Test
    void connectTimeoutAndMaxRetriesSurviveCopies() {
        RestConfig c = RestConfig.builder().bearerToken("t").connectTimeout(Duration.ofSeconds(2)).maxRetries(3).build();
        for (RestConfig copy : new RestConfig[] {c.toBuilder().build(), c.anonymous()}) {
            assertThat(copy.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(copy.maxRetries()).isEqualTo(3);
        }
        assertThat(c.toString()).contains("connectTimeout=PT2S", "maxRetries=3");
    }

    @Test
    void rejectsNonPositiveConnectTimeoutAndNegativeRetries() {
        assertThatThrownBy(() -> RestConfig.builder().connectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> RestConfig.builder().maxRetries(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetries");
        assertThat(RestConfig.builder().maxRetries(0).build().maxRetries()).isZero();
    }
}
