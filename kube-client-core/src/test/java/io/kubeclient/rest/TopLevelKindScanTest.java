package io.kubeclient.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The byte scan for the top-level kind answers as the JSON parser does, or leaves the answer to it. */
class TopLevelKindScanTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheKindOfServerShapedObjectsWithoutTheParser() {
        assertThat(Result.leadingKind(utf8("{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{}}")))
                .isEqualTo("ConfigMap");
        assertThat(Result.leadingKind(utf8("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{}}"))).isEqualTo("Pod");
        assertThat(Result.leadingKind(utf8(" {\n \"kind\" : \"Status\" , \"status\":\"Failure\"}"))).isEqualTo("Status");
        assertThat(Result.leadingKind(utf8("{\"kind\":\"\"}"))).isEmpty();
        assertThat(Result.leadingKind(utf8("{}"))).isSameAs(Result.NO_KIND);
        assertThat(Result.leadingKind(utf8("{\"a\":\"b\"}"))).isSameAs(Result.NO_KIND);
        assertThat(Result.topLevelKind(utf8("{}"))).isNull();
        assertThat(Result.topLevelKind(utf8("{\"kind\":\"\"}"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"metadata\":{\"kind\":\"X\"},\"kind\":\"Pod\"}",
        "{\"kind\":5}",
        "{\"kind\":null}",
        "{\"kind\":\"Po\\u0064\"}",
        "{\"ki\\u006ed\":\"Pod\"}",
        "{\"kind\":\"Pöd\"}",
        "{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\",\"d\":\"4\",\"kind\":\"Pod\"}",
        "{\"a\":\"1\",}",
        "[{\"kind\":\"Pod\"}]",
        "\uFEFF{\"kind\":\"Pod\"}",
        "{\"kind\":\"Pod",
        "{\"kind\" \"Pod\"}",
        "{\"a\":\"b\" \"kind\":\"Pod\"}",
        "{/* c */\"kind\":\"Pod\"}",
    })
    void leavesAnythingElseToTheParser(String json) {
        assertThat(Result.leadingKind(utf8(json))).isNull();
        assertThat(Result.topLevelKind(utf8(json))).isEqualTo(Result.parsedKind(utf8(json)));
    }

    @Test
    void agreesWithTheParserOnMutatedObjects() {
        String[] seeds = {
            "{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"a\"}}",
            "{\"apiVersion\":\"v1\",\"kind\":\"Status\",\"status\":\"Failure\"}",
            "{ \"a\" : \"b\" , \"kind\" : \"Pod\" }",
            "{}",
            "{\"kind\":\"\"}",
        };
        byte[] alphabet = utf8("{}[]\":, \t\n\r\\kindPo5u0a\u00e9");
        Random random = new Random(11);
        List<byte[]> cases = new ArrayList<>();
        for (String seed : seeds) {
            byte[] base = utf8(seed);
            cases.add(base);
            for (int n = 0; n < 3000; n++) {
                byte[] b = base.clone();
                int edits = 1 + random.nextInt(3);
                for (int e = 0; e < edits; e++) {
                    b[random.nextInt(b.length)] = alphabet[random.nextInt(alphabet.length)];
                }
                if (random.nextInt(4) == 0) {
                    b = java.util.Arrays.copyOf(b, random.nextInt(b.length + 1));
                }
                cases.add(b);
            }
        }
        int scanned = 0;
        for (byte[] json : cases) {
            String expected = Result.parsedKind(json);
            assertThat(Result.topLevelKind(json)).as(new String(json, StandardCharsets.UTF_8)).isEqualTo(expected);
            if (Result.leadingKind(json) != null) {
                scanned++;
            }
        }
        assertThat(scanned).isGreaterThan(1000);
    }
}
