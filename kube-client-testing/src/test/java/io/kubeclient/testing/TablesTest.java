package io.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TablesTest {

    @ParameterizedTest
    @CsvSource({
        "-5, <invalid>", "-1, 0s", "0, 0s", "42, 42s", "119, 119s", "120, 2m", "330, 5m30s", "599, 9m59s",
        "600, 10m", "5442, 90m", "10799, 179m", "10800, 3h", "11700, 3h15m", "28800, 8h", "172799, 47h",
        "172800, 2d", "273600, 3d4h", "691200, 8d", "2592000, 30d", "63072000, 2y", "71712000, 2y100d",
        "252288000, 8y", "283824000, 9y"
    })
    void ageIsTheApiServersHumanDuration(long seconds, String expected) {
        assertThat(Tables.age(Duration.ofSeconds(seconds))).isEqualTo(expected);
    }
}
