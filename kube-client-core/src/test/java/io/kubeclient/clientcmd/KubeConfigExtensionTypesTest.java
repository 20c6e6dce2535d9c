package io.kubeclient.clientcmd;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclient.clientcmd.api.Config;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Java types of extension values, which applications read: pinned for JSON and YAML kubeconfigs. */
class KubeConfigExtensionTypesTest {

    @Test
    void jsonExtensionValuesKeepTheirJavaTypes() {
        Config config = Clientcmd.load(("""
                {"extensions": [{"name": "x", "extension": {
                  "int": 1, "long": 3000000000, "big": 123456789012345678901234567890,
                  "double": 1.5, "huge": 1e400, "exp": 2E3, "t": true, "f": false, "n": null, "s": "str",
                  "list": [1, "a", {"k": "v"}, [], {}], "map": {"nested": {"deep": [2.5]}}}},
                  {"name": "scalar", "extension": 7}, {"name": "none", "extension": null}, {"name": "missing"}]}
                """).getBytes(StandardCharsets.UTF_8));
        assertTypes(config.extensions());
    }

    @Test
    void yamlExtensionValuesKeepTheirJavaTypes() {
        Config config = Clientcmd.load(("""
                extensions:
                - name: x
                  extension:
                    int: 1
                    long: 3000000000
                    big: 123456789012345678901234567890
                    double: 1.5
                    huge: 1e400
                    exp: 2E3
                    t: true
                    f: false
                    n: null
                    s: str
                    list: [1, a, {k: v}, [], {}]
                    map: {nested: {deep: [2.5]}}
                - name: scalar
                  extension: 7
                - name: none
                  extension:
                - name: missing
                """).getBytes(StandardCharsets.UTF_8));
        assertTypes(config.extensions());
    }

    @Test
    void yamlBinaryExtensionValueIsAByteArray() {
        Config config = Clientcmd.load("extensions:\n- name: b\n  extension: !!binary aGVsbG8=\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(config.extensions().get("b")).isInstanceOf(byte[].class).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static void assertTypes(Map<String, Object> extensions) {
        assertThat(extensions).containsOnlyKeys("x", "scalar", "none", "missing");
        assertThat(extensions.get("scalar")).isEqualTo(7);
        assertThat(extensions.get("none")).isNull();
        assertThat(extensions.get("missing")).isNull();
        Map<String, Object> x = (Map<String, Object>) extensions.get("x");
        assertThat(x).isInstanceOf(LinkedHashMap.class);
        assertThat(List.copyOf(x.keySet())).containsExactly(
                "int", "long", "big", "double", "huge", "exp", "t", "f", "n", "s", "list", "map");
        assertThat(x.get("int")).isExactlyInstanceOf(Integer.class).isEqualTo(1);
        assertThat(x.get("long")).isExactlyInstanceOf(Long.class).isEqualTo(3000000000L);
        assertThat(x.get("big")).isExactlyInstanceOf(BigInteger.class)
                .isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(x.get("double")).isExactlyInstanceOf(Double.class).isEqualTo(1.5);
        assertThat(x.get("huge")).isExactlyInstanceOf(Double.class).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(x.get("exp")).isExactlyInstanceOf(Double.class).isEqualTo(2000.0);
        assertThat(x.get("t")).isEqualTo(Boolean.TRUE);
        assertThat(x.get("f")).isEqualTo(Boolean.FALSE);
        assertThat(x).containsEntry("n", null);
        assertThat(x.get("s")).isEqualTo("str");
        List<Object> list = (List<Object>) x.get("list");
        assertThat(list).isInstanceOf(ArrayList.class)
                .containsExactly(1, "a", Map.of("k", "v"), List.of(), Map.of());
        assertThat(list.get(2)).isInstanceOf(LinkedHashMap.class);
        assertThat(list.get(3)).isInstanceOf(ArrayList.class);
        Map<String, Object> map = (Map<String, Object>) x.get("map");
        assertThat(map).isInstanceOf(LinkedHashMap.class).isEqualTo(Map.of("nested", Map.of("deep", List.of(2.5))));
    }
}
