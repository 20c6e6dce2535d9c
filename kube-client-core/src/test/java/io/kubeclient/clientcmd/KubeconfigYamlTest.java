package io.kubeclient.clientcmd;

import static io.kubeclient.clientcmd.KubeConfigTreeTest.assertSameTree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeclient.ConfigException;
import io.kubeclient.clientcmd.api.Config;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * The fast kubeconfig reader accepts what kubectl and the cloud CLIs write, and whatever it accepts it
 * reads as Jackson's YAML parser does.
 */
class KubeconfigYamlTest {

    private static final YAMLFactory YAML = new YAMLFactory();

    static Stream<String> corpus() {
        return KubeconfigYamlCorpus.all().stream();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void realisticKubeconfigsAreReadAsJacksonReadsThem(String doc) {
        Map<String, Object> fast = KubeconfigYaml.readOrThrow(doc);
        assertThat(fast).as("accepted").isNotNull();
        assertSameTree(fast, KubeConfigCodec.Jackson.readTree(YAML, doc));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void realisticKubeconfigsDecodeAsThroughJackson(String doc) {
        Path file = Path.of("/home/user/.kube/config");
        Config fast = KubeConfigCodec.decode(doc.getBytes(StandardCharsets.UTF_8), file);
        Config jackson = KubeConfigCodec.decodeTree(KubeConfigCodec.Jackson.parse(false, doc, file), file);
        assertThat(fast).isEqualTo(jackson);
        assertThat(fast.clusters()).isNotEmpty();
    }

    @Test
    void corpusValuesAreReadAsWritten() {
        Config eks = Clientcmd.load(KubeconfigYamlCorpus.EKS.getBytes(StandardCharsets.UTF_8));
        var exec = eks.authInfos().values().iterator().next().exec();
        assertThat(exec.args()).containsExactly(
                "--region", "eu-west-1", "eks", "get-token", "--cluster-name", "prod", "--output", "json");
        assertThat(exec.env()).extracting(e -> e.name() + "=" + e.value())
                .containsExactly("AWS_PROFILE=prod-admin", "AWS_STS_REGIONAL_ENDPOINTS=regional");
        assertThat(exec.interactiveMode()).isEqualTo("IfAvailable");
        Config gke = Clientcmd.load(KubeconfigYamlCorpus.GKE.getBytes(StandardCharsets.UTF_8));
        assertThat(gke.authInfos().values().iterator().next().exec().installHint()).isEqualTo(
                "Install gke-gcloud-auth-plugin for use with kubectl by following"
                + " https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin");
        Config aks = Clientcmd.load(KubeconfigYamlCorpus.AKS.getBytes(StandardCharsets.UTF_8));
        assertThat(aks.authInfos().values().iterator().next().exec().installHint()).isEqualTo(
                "\nkubelogin is not installed which is required to connect to AAD enabled cluster.\n\n"
                + "To learn more, please go to https://aka.ms/aks/kubelogin\n");
        Config hand = Clientcmd.load(KubeconfigYamlCorpus.HAND_WRITTEN.getBytes(StandardCharsets.UTF_8));
        assertThat(hand.contexts().get("dev").namespace()).isEqualTo("123");
        assertThat(hand.clusters().get("prod").certificateAuthority()).isEqualTo("/etc/it's/ca.crt");
        assertThat(hand.authInfos().get("bob").password()).isEqualTo("s3cr3t #not a comment");
        assertThat(hand.authInfos().get("bob").impersonateGroups()).containsExactly("system:masters", "team: a");
        Map<String, Object> minikube = KubeconfigYaml.read(KubeconfigYamlCorpus.MINIKUBE);
        assertThat(minikube).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a: &x 1\n", "a: *x\n", "a: !!str b\n", "a: >\n  b\n", "a: -.inf\n", "a: -.5\n", "a: 1\n", "a: 1.5\n",
        "a: ~\n", "a: yes\n", "a: True\n", "a: |\n  x", "a: |\n  \n  x\n", "a: |0\n  x\n", "a: |\nb: c\n", "a: 0x1F\n", "a: 2001-12-14\n", "a: 1a\n", "a: -1\n", "a: 12:30\n", "a: 1_000\n", "a: -\n", "a: .inf\n", "a: [b]\n",
        "a: {b: c}\n", "? a\n: b\n", "%YAML 1.2\n---\na: b\n", "a: b\n...\n", "a: b\n---\nc: d\n",
        "a:\tb\n", "\ta: b\n", "a: \"b\\nc\"\n", "a: 'b\n  c'\n", "\"a\": b\n", "- a\n", "just text\n",
        "a: b\r", "a: caf\u0085\n", "a: b\u2028c\n", "a: \uD83D\n", "a: \u0080\n", "", "\n", "---\n", "# only a comment\n", "a: b\n  c\n\n  d\n", "a:\n  - - b\n", "a: b: c\n", " a: b\n", "a:\n  b: c\n d: e\n",
    })
    void documentsBeyondTheSubsetAreLeftToJackson(String doc) {
        assertThat(KubeconfigYaml.readOrThrow(doc)).isNull();
    }

    @Test
    void documentsInTheSubsetAreReadAsJacksonReadsThem() {
        for (String doc : List.of(
                "a: b\n", "a:\n", "a: null\n", "a: true\nb: false\n", "a: 'x'\n", "a: \"\"\n", "a: ''\n",
                "a:\n- b\n-\n- c: d\n  e: f\n", "a:\n  - b\n  - 'c'\n", "a: {}\nb: []\n", "a: b # c\n",
                "a: b#c\n", "a:b: c\n".replace("a:b", "ab"), "---\na: b\n", "# c\na: b\n\n# d\n",
                "a: x\n  y\n  z\nb: c\n", "a:\n- x\n  y\n", "a: b\r\nc: d\r\n", "a: 1z\n", "a: ~x\n", "a: --tenant-id\n", "a: 1inf\n", "a: |\n  b\n", "a: |\n  x\n\n   y\n# c\n", "a: |-\n  x\nb: |+\n  y\n\n", "- x: |2\n    z\n".replace("- x", "k"), "a: caf\u00e9\n", "a: \uD83D\uDE00\n", "# \u00e9\na: b\n", "a: -x\n", "a: 1db158f6-177d-4d9c-8a8b-d36869918ec5\n")) {
            Map<String, Object> fast = KubeconfigYaml.readOrThrow(doc);
            assertThat(fast).as("accepted: %s", doc).isNotNull();
            assertSameTree(fast, KubeConfigCodec.Jackson.readTree(YAML, doc));
        }
    }

    @Test
    void malformedYamlThatLooksCommonStillGetsJacksonsPosition() {
        byte[] data = "users:\n- name: u\n  user:\n    token: s3cr3t\n   as: x\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Clientcmd.load(data))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("malformed kubeconfig: YAML syntax error at line 5, column")
                .hasMessageNotContaining("s3cr3t");
    }
}
