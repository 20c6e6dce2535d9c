package io.kubeclient.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.kubeclient.apimachinery.schema.GroupVersion;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AggregatedDiscoveryTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static APIGroupDiscoveryList load(String name) {
        return MAPPER.readValue(FakeDiscovery.read(name), APIGroupDiscoveryList.class);
    }

    @Test
    void parsesAggregatedDocumentWithPlainJsonMapper() {
        APIGroupDiscoveryList list = load("aggregated-apis.json");

        assertThat(list.items()).extracting(APIGroupDiscovery::name)
                .containsExactly("apps", "example.com", "other.example.org", "metrics.example.io");
        APIVersionDiscovery appsV1 = list.items().get(0).versions().get(0);
        assertThat(appsV1.freshness()).isEqualTo(APIVersionDiscovery.Freshness.CURRENT);
        assertThat(list.items().get(0).versions().get(1).freshness()).isEqualTo(APIVersionDiscovery.Freshness.STALE);
        APIResourceDiscovery deployments = appsV1.resources().get(0);
        assertThat(deployments.scope()).isEqualTo(APIResourceDiscovery.Scope.NAMESPACED);
        assertThat(deployments.responseKind().toGroupVersionKind().kind()).isEqualTo("Deployment");
        assertThat(deployments.shortNames()).containsExactly("deploy");
        assertThat(deployments.subresources()).singleElement()
                .satisfies(s -> assertThat(s.subresource()).isEqualTo("scale"));
    }

    @Test
    void coreGroupWithoutMetadataNameIsTheEmptyGroup() {
        assertThat(load("aggregated-api.json").items().get(0).name()).isEmpty();
    }

    @Test
    void staleVersionsAreLeftOutAndReportedFailed() {
        GroupsAndMaybeResources split = Discovery.splitGroupsAndResources(load("aggregated-apis.json"));

        APIGroup apps = split.groups().get(0);
        assertThat(apps.getVersions()).extracting(v -> v.getGroupVersion()).containsExactly("apps/v1");
        assertThat(split.failed()).containsOnlyKeys(
                GroupVersion.parse("apps/v1beta1"), GroupVersion.parse("metrics.example.io/v1beta1"));
        assertThat(split.failed().get(GroupVersion.parse("apps/v1beta1")))
                .isInstanceOf(StaleGroupVersionException.class)
                .hasMessage("stale GroupVersion discovery: apps/v1beta1");
        assertThat(split.resources()).doesNotContainKey(GroupVersion.parse("apps/v1beta1"));
    }

    @Test
    void groupWhoseVersionsAreAllStaleIsListedWithoutVersions() {
        GroupsAndMaybeResources split = Discovery.splitGroupsAndResources(load("aggregated-apis.json"));

        APIGroup metrics = split.groups().get(3);
        assertThat(metrics.getName()).isEqualTo("metrics.example.io");
        assertThat(metrics.getVersions()).isEmpty();
        assertThat(metrics.getPreferredVersion()).isNull();
        assertThat(Discovery.preferredVersion(metrics)).isEmpty();
    }

    @Test
    void preferredVersionIsTheFirstNonStaleVersion() {
        GroupsAndMaybeResources split = Discovery.splitGroupsAndResources(load("aggregated-apis.json"));

        assertThat(split.groups().get(0).getPreferredVersion().getGroupVersion()).isEqualTo("apps/v1");
        assertThat(split.groups().get(1).getPreferredVersion().getVersion()).isEqualTo("v2");
        assertThat(split.groups().get(1).getVersions()).extracting(v -> v.getVersion()).containsExactly("v2", "v1");
    }

    @Test
    void convertsResourcesAndSubresourcesToLegacyForm() {
        GroupsAndMaybeResources split = Discovery.splitGroupsAndResources(load("aggregated-api.json"));

        APIResourceList v1 = split.resources().get(GroupVersion.parse("v1"));
        assertThat(v1.getGroupVersion()).isEqualTo("v1");
        assertThat(v1.getResources()).extracting(APIResource::getName)
                .containsExactly("pods", "pods/status", "services", "namespaces", "endpoints", "bindings/status");
        APIResource pods = v1.getResources().get(0);
        assertThat(pods.getNamespaced()).isTrue();
        assertThat(pods.getKind()).isEqualTo("Pod");
        assertThat(pods.getSingularName()).isEqualTo("pod");
        assertThat(pods.getShortNames()).containsExactly("po");
        assertThat(pods.getCategories()).containsExactly("all");
        APIResource status = v1.getResources().get(1);
        assertThat(status.getSingularName()).isEqualTo("pod");
        assertThat(status.getNamespaced()).isTrue();
        assertThat(status.getVerbs()).containsExactly("get", "patch", "update");
        APIResource namespaces = v1.getResources().get(3);
        assertThat(namespaces.getNamespaced()).isFalse();
    }

    @Test
    void subresourceTakesGroupVersionKindFromItsOwnResponseKind() {
        GroupsAndMaybeResources split = Discovery.splitGroupsAndResources(load("aggregated-apis.json"));

        APIResource scale = split.resources().get(GroupVersion.parse("apps/v1")).getResources().get(1);
        assertThat(scale.getName()).isEqualTo("deployments/scale");
        assertThat(List.of(scale.getGroup(), scale.getVersion(), scale.getKind()))
                .containsExactly("autoscaling", "v1", "Scale");
    }

    @Test
    void resourceWithoutResponseKindIsDroppedButItsSubresourceKept() {
        GroupsAndMaybeResources split = Discovery.splitGroupsAndResources(load("aggregated-api.json"));

        assertThat(split.resources().get(GroupVersion.parse("v1")).getResources())
                .extracting(APIResource::getName)
                .doesNotContain("bindings", "pods/exec")
                .contains("bindings/status");
    }

    @Test
    void freshnessOtherThanStaleReadsAsCurrent() {
        APIVersionDiscovery v = MAPPER.readValue(
                "{\"version\":\"v1\",\"freshness\":\"Whatever\"}", APIVersionDiscovery.class);
        assertThat(v.freshness()).isEqualTo(APIVersionDiscovery.Freshness.CURRENT);
        assertThat(MAPPER.writeValueAsString(new APIVersionDiscovery("v1", null, APIVersionDiscovery.Freshness.STALE)))
                .contains("\"freshness\":\"Stale\"");
    }
}
