package io.kubeclient.clientcmd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeclient.ConfigException;
import io.kubeclient.clientcmd.api.Config;
import java.nio.charset.StandardCharsets;
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
 * mapper (which would cost an application tens of milliseconds at start): the tree must be the one
 * {@code ObjectMapper.readTree} builds.
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
        JsonNode actual = KubeConfigCodec.readTree(new YAMLFactory(), yaml);
        if (expected == null || expected.isMissingNode()) {
            assertThat(actual).isNull();
        } else {
            assertThat(actual).isEqualTo(expected);
            assertThat(actual.toString()).isEqualTo(expected.toString());
            assertSameNodeTypes(actual, expected);
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
        JsonNode actual = KubeConfigCodec.readTree(new JsonFactory(), json);
        assertThat(actual).isEqualTo(expected);
        assertSameNodeTypes(actual, expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a: 1\n---\nb: 2\n", "a: [1, 2\n", "a: b: c\n"})
    void yamlTheMapperRejectsIsRejected(String yaml) {
        assertThatThrownBy(() -> YAML_MAPPER.readTree(yaml)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> KubeConfigCodec.readTree(new YAMLFactory(), yaml)).isInstanceOf(JacksonException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": [1, 2", "{\"a\": {\"b\": 1}", "{\"a\":"})
    void truncatedJsonIsRejected(String json) {
        assertThatThrownBy(() -> JSON_MAPPER.readTree(json)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> KubeConfigCodec.readTree(new JsonFactory(), json)).isInstanceOf(JacksonException.class);
    }

    @Test
    void jsonWithTrailingContentIsRejectedAsTheMapperDoes() {
        String json = "{\"a\": 1} {\"b\": 2}";
        assertThatThrownBy(() -> JSON_MAPPER.readTree(json)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> KubeConfigCodec.readTree(new JsonFactory(), json)).isInstanceOf(JacksonException.class);
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

    private static void assertSameNodeTypes(JsonNode actual, JsonNode expected) {
        assertThat(actual.getClass()).as("node type of %s", expected).isEqualTo(expected.getClass());
        if (expected.isContainer()) {
            assertThat(actual.size()).isEqualTo(expected.size());
            if (expected.isObject()) {
                for (String name : expected.propertyNames()) {
                    assertSameNodeTypes(actual.get(name), expected.get(name));
                }
            } else {
                for (int i = 0; i < expected.size(); i++) {
                    assertSameNodeTypes(actual.get(i), expected.get(i));
                }
            }
        }
    }
}
