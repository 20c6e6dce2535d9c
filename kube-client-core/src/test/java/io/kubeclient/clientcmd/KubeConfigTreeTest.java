package io.kubeclient.clientcmd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeclient.ConfigException;
import io.kubeclient.clientcmd.api.Config;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The kubeconfig decoder reads the document tree with the streaming parsers, without building a
 * mapper (which would cost an application tens of milliseconds at start), into a plain tree: it must
 * hold what {@code ObjectMapper.readTree} builds, value for value and Java type for Java type.
 */
class KubeConfigTreeTest {

    private static final YAMLMapper YAML_MAPPER = YAMLMapper.builder().build();
    private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {
        "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: https://h:6443\n",
        "a: 1\nb: 3000000000\nc: 123456789012345678901234567890\nd: 1.5\ne: 1e400\nf: -0.0\n",
        "a: true\nb: false\nc: null\nd: ~\ne:\nf: 'true'\ng: \"1\"\nh: yes\ni: 0x1F\nj: 0o17\n",
        "list: [1, two, {three: 3}, [4], [], {}]\nempty: []\n",
        "base: &anchor {x: 1, y: [a, b]}\ncopy: *anchor\n",
        "dup: 1\ndup: 2\n",
        "bin: !!binary aGVsbG8=\n",
        "just a string\n",
        "- 1\n- 2\n",
        "# only a comment\n",
        "key: |\n  multi\n  line\nfolded: >\n  folded\n  text\n",
    })
    void yamlTreeIsTheMappersTree(String yaml) {
        JsonNode expected = YAML_MAPPER.readTree(yaml);
        Object actual = KubeConfigCodec.Jackson.readTree(new YAMLFactory(), yaml);
        if (expected == null || expected.isMissingNode()) {
            assertThat(actual).isNull();
        } else {
            assertSameTree(actual, plain(expected));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\": 1, \"b\": [true, null, 2.5, 9223372036854775808], \"c\": {\"d\": \"e\"}}",
        "{\"dup\": 1, \"dup\": {\"x\": 2}}",
        "{}",
    })
    void jsonTreeIsTheMappersTree(String json) {
        JsonNode expected = JSON_MAPPER.readTree(json);
        Object actual = KubeConfigCodec.Jackson.readTree(new JsonFactory(), json);
        assertSameTree(actual, plain(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a: 1\n---\nb: 2\n", "a: [1, 2\n", "a: b: c\n"})
    void yamlTheMapperRejectsIsRejected(String yaml) {
        assertThatThrownBy(() -> YAML_MAPPER.readTree(yaml)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> KubeConfigCodec.Jackson.readTree(new YAMLFactory(), yaml)).isInstanceOf(JacksonException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": [1, 2", "{\"a\": {\"b\": 1}", "{\"a\":"})
    void truncatedJsonIsRejected(String json) {
        assertThatThrownBy(() -> JSON_MAPPER.readTree(json)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> KubeConfigCodec.Jackson.readTree(new JsonFactory(), json)).isInstanceOf(JacksonException.class);
    }

    @Test
    void jsonWithTrailingContentIsRejectedAsTheMapperDoes() {
        String json = "{\"a\": 1} {\"b\": 2}";
        assertThatThrownBy(() -> JSON_MAPPER.readTree(json)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> KubeConfigCodec.Jackson.readTree(new JsonFactory(), json)).isInstanceOf(JacksonException.class);
    }

    @Test
    void malformedKubeconfigNamesThePositionOnly() {
        byte[] data = "users:\n- name: u\n  user:\n    token: s3cr3t\n---\nb: 2\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Clientcmd.load(data))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("malformed kubeconfig: YAML syntax error")
            .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void decodesWithoutBuildingAMapper() {
        Config config = Clientcmd.load("""
                apiVersion: v1
                kind: Config
                clusters:
                - name: c
                  cluster: {server: "https://h:6443", insecure-skip-tls-verify: true}
                current-context: ctx
                contexts:
                - name: ctx
                  context: {cluster: c, user: u}
                users:
                - name: u
                  user: {token: t}
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(config.currentContext()).isEqualTo("ctx");
        assertThat(config.clusters().get("c").server()).isEqualTo("https://h:6443");
        assertThat(config.clusters().get("c").insecureSkipTlsVerify()).isTrue();
        assertThat(config.authInfos().get("u").token()).isEqualTo("t");
    }

    /** The mapper's tree as the plain tree holds it. */
    static Object plain(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                m.put(e.getKey(), plain(e.getValue()));
            }
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.values().forEach(v -> l.add(plain(v)));
            return l;
        }
        if (n.isNull()) {
            return null;
        }
        if (n.isString()) {
            return n.stringValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isNumber()) {
            return n.numberValue();
        }
        if (n.isBinary()) {
            return n.binaryValue();
        }
        throw new AssertionError("unexpected node " + n.getNodeType());
    }

    /** Equal values of the same Java types, with mappings in the same order. */
    static void assertSameTree(Object actual, Object expected) {
        if (expected == null) {
            assertThat(actual).isNull();
            return;
        }
        assertThat(actual).as("type of %s", expected).isNotNull();
        assertThat(actual.getClass()).as("type of %s", expected).isEqualTo(expected.getClass());
        if (expected instanceof Map<?, ?> e) {
            Map<?, ?> a = (Map<?, ?>) actual;
            assertThat(List.copyOf(a.keySet())).isEqualTo(List.copyOf(e.keySet()));
            e.forEach((k, v) -> assertSameTree(a.get(k), v));
        } else if (expected instanceof List<?> e) {
            List<?> a = (List<?>) actual;
            assertThat(a).hasSameSizeAs(e);
            for (int i = 0; i < e.size(); i++) {
                assertSameTree(a.get(i), e.get(i));
            }
        } else if (expected instanceof byte[] e) {
            assertThat((byte[]) actual).isEqualTo(e);
        } else {
            assertThat(actual).isEqualTo(expected);
        }
    }
}
