package io.kubeclient.apimachinery.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SchemaTypesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "pods|''|pods|pods",
        "deployments.apps|apps|deployments|deployments.apps",
        "ingresses.networking.k8s.io|networking.k8s.io|ingresses|ingresses.networking.k8s.io",
        "''|''|''|''",
        ".apps|apps|''|.apps",
        "pods.|''|pods|pods",
    })
    void parsesGroupResource(String in, String group, String resource, String str) {
        GroupResource gr = GroupResource.parse(in);
        assertThat(gr.group()).isEqualTo(group);
        assertThat(gr.resource()).isEqualTo(resource);
        assertThat(gr).hasToString(str);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Pod|''|Pod|Pod",
        "Deployment.apps|apps|Deployment|Deployment.apps",
        "Ingress.networking.k8s.io|networking.k8s.io|Ingress|Ingress.networking.k8s.io",
        "''|''|''|''",
    })
    void parsesGroupKind(String in, String group, String kind, String str) {
        GroupKind gk = GroupKind.parse(in);
        assertThat(gk.group()).isEqualTo(group);
        assertThat(gk.kind()).isEqualTo(kind);
        assertThat(gk).hasToString(str);
    }

    @Test
    void emptinessChecks() {
        assertThat(GroupResource.of("", "").isEmpty()).isTrue();
        assertThat(GroupResource.of("apps", "").isEmpty()).isFalse();
        assertThat(GroupResource.of("", "pods").isEmpty()).isFalse();
        assertThat(GroupKind.of("", "").isEmpty()).isTrue();
        assertThat(GroupKind.of("", "Pod").isEmpty()).isFalse();
        assertThat(GroupVersionKind.of("", "", "").isEmpty()).isTrue();
        assertThat(GroupVersionKind.of("", "v1", "").isEmpty()).isFalse();
        assertThat(GroupVersionKind.of("", "", "Pod").isEmpty()).isFalse();
        assertThat(GroupVersionResource.of("", "", "").isEmpty()).isTrue();
        assertThat(GroupVersionResource.of("apps", "", "").isEmpty()).isFalse();
        assertThat(GroupVersionResource.of("", "", "pods").isEmpty()).isFalse();
    }

    @Test
    void toStringFormsMatchUpstream() {
        assertThat(GroupVersionKind.of("apps", "v1", "Deployment")).hasToString("apps/v1, Kind=Deployment");
        assertThat(GroupVersionKind.of("", "v1", "Pod")).hasToString("/v1, Kind=Pod");
        assertThat(GroupVersionResource.of("apps", "v1", "deployments"))
                .hasToString("apps/v1, Resource=deployments");
        assertThat(GroupVersionResource.of("", "v1", "pods")).hasToString("/v1, Resource=pods");
    }

    @Test
    void convertsBetweenTypes() {
        GroupVersion gv = GroupVersion.parse("apps/v1");
        GroupVersionKind gvk = gv.withKind("Deployment");
        GroupVersionResource gvr = gv.withResource("deployments");
        assertThat(gvk).isEqualTo(GroupVersionKind.of("apps", "v1", "Deployment"));
        assertThat(gvr).isEqualTo(GroupVersionResource.of("apps", "v1", "deployments"));
        assertThat(gvk.groupVersion()).isEqualTo(gv);
        assertThat(gvk.groupKind()).isEqualTo(GroupKind.of("apps", "Deployment"));
        assertThat(gvr.groupVersion()).isEqualTo(gv);
        assertThat(gvr.groupResource()).isEqualTo(GroupResource.of("apps", "deployments"));
        assertThat(GroupKind.of("apps", "Deployment").withVersion("v1")).isEqualTo(gvk);
        assertThat(GroupResource.of("apps", "deployments").withVersion("v1")).isEqualTo(gvr);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "apps/v1|Deployment|apps|v1",
        "v1|Pod|''|v1",
        "''|Pod|''|''",
        "/|Pod|''|''",
        "a/b/c|Pod|''|''",
    })
    void fromApiVersionAndKind(String apiVersion, String kind, String group, String version) {
        assertThat(GroupVersionKind.fromApiVersionAndKind(apiVersion, kind))
                .isEqualTo(GroupVersionKind.of(group, version, kind));
    }

    @Test
    void fromApiVersionAndKindTreatsNullApiVersionAsEmpty() {
        assertThat(GroupVersionKind.fromApiVersionAndKind(null, "Pod")).isEqualTo(GroupVersionKind.of("", "", "Pod"));
    }

    @Test
    void toApiVersionAndKind() {
        assertThat(GroupVersionKind.of("apps", "v1", "Deployment").toApiVersionAndKind())
                .isEqualTo(new GroupVersionKind.ApiVersionAndKind("apps/v1", "Deployment"));
        assertThat(GroupVersionKind.of("", "v1", "Pod").toApiVersionAndKind())
                .isEqualTo(new GroupVersionKind.ApiVersionAndKind("v1", "Pod"));
        assertThat(GroupVersionKind.of("", "", "").toApiVersionAndKind())
                .isEqualTo(new GroupVersionKind.ApiVersionAndKind("", ""));
    }

    @Test
    void parseResourceArgWithVersion() {
        GroupVersionResource.ResourceArg arg = GroupVersionResource.parseResourceArg("deployments.v1.apps");
        assertThat(arg.groupVersionResource()).contains(GroupVersionResource.of("apps", "v1", "deployments"));
        assertThat(arg.groupResource()).isEqualTo(GroupResource.of("v1.apps", "deployments"));
    }

    @Test
    void parseResourceArgKeepsDotsInGroup() {
        GroupVersionResource.ResourceArg arg = GroupVersionResource.parseResourceArg("ingresses.v1.networking.k8s.io");
        assertThat(arg.groupVersionResource())
                .contains(GroupVersionResource.of("networking.k8s.io", "v1", "ingresses"));
        assertThat(arg.groupResource()).isEqualTo(GroupResource.of("v1.networking.k8s.io", "ingresses"));
    }

    @Test
    void parseResourceArgWithOneDotHasNoVersionReading() {
        GroupVersionResource.ResourceArg arg = GroupVersionResource.parseResourceArg("deployments.apps");
        assertThat(arg.groupVersionResource()).isEqualTo(Optional.empty());
        assertThat(arg.groupResource()).isEqualTo(GroupResource.of("apps", "deployments"));
        assertThat(GroupVersionResource.parseResourceArg("pods").groupVersionResource()).isEmpty();
    }

    @Test
    void parseResourceArgWithEmptySegments() {
        assertThat(GroupVersionResource.parseResourceArg("..").groupVersionResource())
                .contains(GroupVersionResource.of("", "", ""));
    }

    @Test
    void parseKindArg() {
        GroupVersionKind.KindArg arg = GroupVersionKind.parseKindArg("Deployment.v1.apps");
        assertThat(arg.groupVersionKind()).contains(GroupVersionKind.of("apps", "v1", "Deployment"));
        assertThat(arg.groupKind()).isEqualTo(GroupKind.of("v1.apps", "Deployment"));
        assertThat(GroupVersionKind.parseKindArg("Deployment.apps").groupVersionKind()).isEmpty();
    }

    @Test
    void rejectsNullComponentsWithTypedError() {
        assertThatThrownBy(() -> GroupResource.of(null, "pods"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group");
        assertThatThrownBy(() -> GroupKind.of("", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kind");
        assertThatThrownBy(() -> GroupVersionKind.of("", null, "Pod"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> GroupVersionResource.of("", "v1", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resource");
        assertThatThrownBy(() -> GroupResource.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GroupKind.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GroupVersionResource.parseResourceArg(null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GroupVersionKind.parseKindArg(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GroupVersionKind.fromApiVersionAndKind("v1", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
