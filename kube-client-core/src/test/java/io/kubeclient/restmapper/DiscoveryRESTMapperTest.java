package io.kubeclient.restmapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeclient.apimachinery.schema.GroupKind;
import io.kubeclient.apimachinery.schema.GroupVersionKind;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import io.kubeclient.discovery.FakeDiscovery;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveryRESTMapperTest {

    private static GroupVersionResource gvr(String g, String v, String r) {
        return new GroupVersionResource(g, v, r);
    }

    private static RESTMapper aggregated() {
        return RESTMappers.newDiscoveryRESTMapper(RESTMappers.getAPIGroupResources(
                FakeDiscovery.aggregated("aggregated-api.json", "aggregated-apis.json")));
    }

    private static RESTMapper legacy() {
        return RESTMappers.newDiscoveryRESTMapper(RESTMappers.getAPIGroupResources(
                FakeDiscovery.legacy(FakeDiscovery.legacyFiles()).plain()));
    }

    @Test
    void groupResourcesToleratePartialDiscovery() {
        List<APIGroupResources> groups = RESTMappers.getAPIGroupResources(
                FakeDiscovery.aggregated("aggregated-api.json", "aggregated-apis.json"));
        assertThat(groups).extracting(g -> g.group().getName())
                .containsExactly("", "apps", "example.com", "other.example.org", "metrics.example.io");
        assertThat(groups.get(2).versionedResources()).containsOnlyKeys("v2", "v1");
        assertThat(groups.get(4).versionedResources()).isEmpty();
    }

    @Test
    void mapsCoreAndGroupResources() {
        for (RESTMapper m : List.of(aggregated(), legacy())) {
            assertThat(m.kindFor(gvr("", "", "pods"))).isEqualTo(new GroupVersionKind("", "v1", "Pod"));
            assertThat(m.kindFor(gvr("", "", "pod"))).isEqualTo(new GroupVersionKind("", "v1", "Pod"));
            assertThat(m.resourceFor(gvr("", "", "Deployment"))).isEqualTo(gvr("apps", "v1", "deployments"));
            RESTMapping ns = m.restMapping(new GroupKind("", "Namespace"));
            assertThat(ns.resource()).isEqualTo(gvr("", "v1", "namespaces"));
            assertThat(ns.scope()).isEqualTo(RESTScope.ROOT);
            assertThat(m.restMapping(new GroupKind("apps", "Deployment")).scope()).isEqualTo(RESTScope.NAMESPACE);
        }
    }

    @Test
    void preferredVersionWinsAmongSeveralVersions() {
        for (RESTMapper m : List.of(aggregated(), legacy())) {
            assertThat(m.resourcesFor(gvr("example.com", "", "widgets")))
                    .containsExactlyInAnyOrder(gvr("example.com", "v2", "widgets"), gvr("example.com", "v1", "widgets"));
            assertThat(m.resourceFor(gvr("example.com", "", "widgets"))).isEqualTo(gvr("example.com", "v2", "widgets"));
            assertThat(m.kindFor(gvr("example.com", "", "widget")))
                    .isEqualTo(new GroupVersionKind("example.com", "v2", "Widget"));
            assertThat(m.restMapping(new GroupKind("example.com", "Widget")).resource().version()).isEqualTo("v2");
            assertThat(m.restMapping(new GroupKind("example.com", "Widget"), "v1").resource())
                    .isEqualTo(gvr("example.com", "v1", "widgets"));
        }
    }

    @Test
    void resourceOnlyInNonPreferredVersionIsFound() {
        RESTMapper m = aggregated();
        assertThat(m.resourceFor(gvr("", "", "gadgets"))).isEqualTo(gvr("example.com", "v1", "gadgets"));
        // No singular from discovery: guessed from the kind.
        assertThat(m.resourceFor(gvr("", "", "gadget"))).isEqualTo(gvr("example.com", "v1", "gadgets"));
    }

    @Test
    void ambiguousResourceAcrossGroupsResolvesByDiscoveryOrder() {
        RESTMapper m = aggregated();
        assertThat(m.resourcesFor(gvr("", "", "widgets"))).hasSize(3);
        assertThat(m.resourceFor(gvr("", "", "widgets"))).isEqualTo(gvr("example.com", "v2", "widgets"));
        assertThat(m.resourceFor(gvr("other.example.org", "", "widgets")))
                .isEqualTo(gvr("other.example.org", "v1", "widgets"));
        assertThat(m.kindFor(gvr("", "v1", "widgets"))).isEqualTo(new GroupVersionKind("example.com", "v1", "Widget"));
    }

    @Test
    void kindNeedsItsGroupForRestMapping() {
        assertThatThrownBy(() -> aggregated().restMapping(new GroupKind("", "Widget")))
                .isInstanceOf(NoKindMatchException.class);
        assertThat(RESTMappers.isNoMatchError(catching(() -> aggregated().restMapping(new GroupKind("", "Widget")))))
                .isTrue();
    }

    @Test
    void registersListKindsAndLowerCaseKinds() {
        RESTMapper m = aggregated();
        assertThat(m.restMapping(new GroupKind("", "PodList")).resource()).isEqualTo(gvr("", "v1", "podlists"));
        assertThat(m.restMapping(new GroupKind("apps", "List")).scope()).isEqualTo(RESTScope.ROOT);
        assertThat(m.restMapping(new GroupKind("", "pod")).resource()).isEqualTo(gvr("", "v1", "pods"));
    }

    @Test
    void subresourcesAreNotMapped() {
        assertThatThrownBy(() -> aggregated().resourceFor(gvr("", "", "pods/status")))
                .isInstanceOf(NoResourceMatchException.class);
    }

    @Test
    void staleVersionIsNotMapped() {
        assertThatThrownBy(() -> aggregated().resourceFor(gvr("apps", "v1beta1", "deployments")))
                .isInstanceOf(NoResourceMatchException.class);
    }

    @Test
    void singularizes() {
        assertThat(aggregated().resourceSingularizer("services")).isEqualTo("service");
        assertThat(aggregated().resourceSingularizer("endpoints")).isEqualTo("endpoints");
    }

    static Throwable catching(Runnable r) {
        try {
            r.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
