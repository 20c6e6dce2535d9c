package io.kubeclient.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ExecConfig}'s written-out equality: every component counts, as a record's would. */
class ExecConfigTest {

    private static final List<ExecConfig.EnvVar> ENV = List.of(new ExecConfig.EnvVar("AWS_PROFILE", "dev"));

    private static ExecConfig base() {
        return new ExecConfig("client.authentication.k8s.io/v1", "aws", List.of("eks", "get-token"), ENV, "install aws",
                false, ExecConfig.InteractiveMode.NEVER, Map.of("region", "eu-west-1"));
    }

    @Test
    void equalSettingsAreEqualWithEqualHashes() {
        ExecConfig a = base();
        ExecConfig b = new ExecConfig("client.authentication.k8s.io/v1", "aws", List.of("eks", "get-token"),
                List.of(new ExecConfig.EnvVar("AWS_PROFILE", "dev")), "install aws", false,
                ExecConfig.InteractiveMode.NEVER, Map.of("region", "eu-west-1"));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(null).isNotEqualTo("aws");
        ExecConfig defaults = new ExecConfig(null, "aws", null, null, null, false, null, null);
        assertThat(defaults).isEqualTo(new ExecConfig("", "aws", List.of(), List.of(), "", false,
                ExecConfig.InteractiveMode.IF_AVAILABLE, null)).hasSameHashCodeAs(
                new ExecConfig("", "aws", List.of(), List.of(), "", false, ExecConfig.InteractiveMode.IF_AVAILABLE, null));
    }

    @Test
    void everyComponentCounts() {
        ExecConfig a = base();
        List<ExecConfig> others = List.of(
                new ExecConfig("client.authentication.k8s.io/v1beta1", "aws", a.args(), ENV, "install aws", false,
                        ExecConfig.InteractiveMode.NEVER, a.clusterExtension()),
                new ExecConfig(a.apiVersion(), "gcloud", a.args(), ENV, "install aws", false,
                        ExecConfig.InteractiveMode.NEVER, a.clusterExtension()),
                new ExecConfig(a.apiVersion(), "aws", List.of("eks"), ENV, "install aws", false,
                        ExecConfig.InteractiveMode.NEVER, a.clusterExtension()),
                new ExecConfig(a.apiVersion(), "aws", a.args(), List.of(new ExecConfig.EnvVar("AWS_PROFILE", "prod")),
                        "install aws", false, ExecConfig.InteractiveMode.NEVER, a.clusterExtension()),
                new ExecConfig(a.apiVersion(), "aws", a.args(), ENV, "brew install awscli", false,
                        ExecConfig.InteractiveMode.NEVER, a.clusterExtension()),
                new ExecConfig(a.apiVersion(), "aws", a.args(), ENV, "install aws", true,
                        ExecConfig.InteractiveMode.NEVER, a.clusterExtension()),
                new ExecConfig(a.apiVersion(), "aws", a.args(), ENV, "install aws", false,
                        ExecConfig.InteractiveMode.ALWAYS, a.clusterExtension()),
                new ExecConfig(a.apiVersion(), "aws", a.args(), ENV, "install aws", false,
                        ExecConfig.InteractiveMode.NEVER, Map.of("region", "us-east-1")),
                new ExecConfig(a.apiVersion(), "aws", a.args(), ENV, "install aws", false,
                        ExecConfig.InteractiveMode.NEVER, null));
        for (ExecConfig other : others) {
            assertThat(a).as(other.toString()).isNotEqualTo(other);
            assertThat(other).as(other.toString()).isNotEqualTo(a);
        }
        assertThat(new ExecConfig.EnvVar("A", "1")).isEqualTo(new ExecConfig.EnvVar("A", "1"))
                .hasSameHashCodeAs(new ExecConfig.EnvVar("A", "1"))
                .isNotEqualTo(new ExecConfig.EnvVar("A", "2"))
                .isNotEqualTo(new ExecConfig.EnvVar("B", "1"));
    }
}
