package io.kubeclient.restmapper;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclient.apimachinery.schema.GroupResource;
import io.kubeclient.apimachinery.schema.GroupVersionKind;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import io.kubeclient.discovery.FakeDiscovery;
import io.kubeclient.discovery.MemCacheDiscoveryClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShortcutExpanderTest {

    private final List<String> warnings = new ArrayList<>();
    private final FakeDiscovery server = FakeDiscovery.aggregated("aggregated-api.json", "aggregated-apis.json");
    private final MemCacheDiscoveryClient discovery = new MemCacheDiscoveryClient(server);
    private final ShortcutExpander expander =
            new ShortcutExpander(new DeferredDiscoveryRESTMapper(discovery), discovery, warnings::add);

    private static GroupVersionResource gvr(String g, String v, String r) {
        return new GroupVersionResource(g, v, r);
    }

    @Test
    void expandsShortNamesFromDiscovery() {
        assertThat(expander.resourceFor(gvr("", "", "po"))).isEqualTo(gvr("", "v1", "pods"));
        assertThat(expander.resourceFor(gvr("", "", "svc"))).isEqualTo(gvr("", "v1", "services"));
        assertThat(expander.kindFor(gvr("", "", "ns"))).isEqualTo(new GroupVersionKind("", "v1", "Namespace"));
        assertThat(expander.resourceSingularizer("ep")).isEqualTo("endpoints");
    }

    @Test
    void firstShortNameMatchWinsDroppingVersionAndWarnsAboutOthers() {
        assertThat(expander.expand(gvr("", "v9", "deploy"))).isEqualTo(gvr("apps", "", "deployments"));
        assertThat(expander.resourceFor(gvr("", "", "deploy"))).isEqualTo(gvr("apps", "v1", "deployments"));
        assertThat(warnings).contains(
                "short name \"deploy\" could also match lower priority resource widgets.other.example.org");
    }

    @Test
    void sameResourceInSeveralVersionsIsNotAmbiguous() {
        assertThat(expander.expand(gvr("", "", "wd"))).isEqualTo(gvr("example.com", "", "widgets"));
        assertThat(warnings).isEmpty();
    }

    @Test
    void groupRestrictsShortNamesAndFallsBackToGroupPrefix() {
        assertThat(expander.expand(gvr("other.example.org", "", "deploy")))
                .isEqualTo(gvr("other.example.org", "", "widgets"));
        assertThat(expander.expand(gvr("other", "v1", "deploy"))).isEqualTo(gvr("other.example.org", "v1", "widgets"));
        assertThat(expander.expand(gvr("batch", "", "po"))).isEqualTo(gvr("batch", "", "po"));
    }

    @Test
    void fullAndSingularNamesAreLeftAlone() {
        assertThat(expander.expand(gvr("", "v1", "pods"))).isEqualTo(gvr("", "v1", "pods"));
        assertThat(expander.expand(gvr("", "", "deployment"))).isEqualTo(gvr("", "", "deployment"));
        assertThat(expander.expand(gvr("", "", "unknown"))).isEqualTo(gvr("", "", "unknown"));
    }

    @Test
    void kindForRetriesAfterANoMatchSoADeferredMapperCanRefresh() {
        DeferredDiscoveryRESTMapperTest.DiskLikeCache cache = new DeferredDiscoveryRESTMapperTest.DiskLikeCache();
        ShortcutExpander overDisk = new ShortcutExpander(new DeferredDiscoveryRESTMapper(cache), cache, warnings::add);
        assertThat(overDisk.kindFor(gvr("", "", "po"))).isEqualTo(new GroupVersionKind("", "v1", "Pod"));
        cache.server.serveAggregated("aggregated-api.json", "aggregated-apis-crd.json");

        // The stale snapshot does not know "gz"; the deferred mapper refreshes, and the re-expansion finds it.
        assertThat(overDisk.kindFor(gvr("", "", "gz"))).isEqualTo(new GroupVersionKind("crd.example.io", "v1alpha1", "Gizmo"));
        assertThat(cache.invalidations).hasValue(1);
    }

    @Test
    void categoriesExpandFromDiscovery() {
        CategoryExpander categories = CategoryExpander.fromDiscovery(discovery);

        assertThat(categories.expand("all")).contains(List.of(
                new GroupResource("", "pods"), new GroupResource("", "services"), new GroupResource("apps", "deployments")));
        assertThat(categories.expand("nothing")).isEmpty();
    }

    @Test
    void categoryExpandersCombine() {
        CategoryExpander fixed = CategoryExpander.simple(Map.of(
                "all", List.of(new GroupResource("", "pods"), new GroupResource("batch", "jobs")),
                "empty", List.of()));
        CategoryExpander union = CategoryExpander.union(List.of(fixed, CategoryExpander.fromDiscovery(discovery)));

        assertThat(union.expand("all")).contains(List.of(new GroupResource("", "pods"), new GroupResource("batch", "jobs"),
                new GroupResource("", "services"), new GroupResource("apps", "deployments")));
        assertThat(union.expand("empty")).contains(List.of());
        assertThat(union.expand("unknown")).isEqualTo(Optional.empty());
    }
}
