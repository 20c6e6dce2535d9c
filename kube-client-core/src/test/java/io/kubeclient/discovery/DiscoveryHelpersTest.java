package io.kubeclient.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.kubeclient.KubeException;
import io.kubeclient.apimachinery.schema.GroupVersion;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class DiscoveryHelpersTest {

    private static List<String> names(List<APIResourceList> lists) {
        return lists.stream()
                .flatMap(l -> l.getResources().stream().map(r -> l.getGroupVersion() + ":" + r.getName()))
                .toList();
    }

    @Test
    void legacyServerGroupsAndResourcesFetchesEveryGroupVersionInOrder() {
        FakeDiscovery fake = FakeDiscovery.legacy(FakeDiscovery.legacyFiles());

        ServerGroupsAndResources result = fake.plain().serverGroupsAndResources();

        assertThat(result.groups()).extracting(APIGroup::getName)
                .containsExactly("", "apps", "example.com", "metrics.example.io");
        assertThat(result.resources()).extracting(APIResourceList::getGroupVersion)
                .containsExactly("v1", "apps/v1", "example.com/v1", "example.com/v2", "metrics.example.io/v1beta1");
        assertThat(fake.resourceCalls).hasValue(5);
    }

    @Test
    void legacyFetchCanRunOnAnExecutor() {
        FakeDiscovery fake = FakeDiscovery.legacy(FakeDiscovery.legacyFiles());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            ServerGroupsAndResources result = Discovery.serverGroupsAndResources(fake.plain(), pool);
            assertThat(result.resources()).extracting(APIResourceList::getGroupVersion)
                    .containsExactly("v1", "apps/v1", "example.com/v1", "example.com/v2", "metrics.example.io/v1beta1");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void failingGroupVersionGivesPartialResultsAndTypedError() {
        FakeDiscovery fake = FakeDiscovery.legacy(FakeDiscovery.legacyFiles());
        fake.failures.put("example.com/v1", new KubeException("the server is currently unable to handle the request"));

        GroupDiscoveryFailedException e = catchThrowableOfType(GroupDiscoveryFailedException.class,
                () -> fake.plain().serverGroupsAndResources());

        assertThat(e.groups()).containsOnlyKeys(GroupVersion.parse("example.com/v1"));
        assertThat(e).hasMessage("unable to retrieve the complete list of server APIs: "
                + "example.com/v1: the server is currently unable to handle the request");
        assertThat(e.partialGroups()).hasSize(4);
        assertThat(e.partialResources()).extracting(APIResourceList::getGroupVersion)
                .containsExactly("v1", "apps/v1", "example.com/v2", "metrics.example.io/v1beta1");
        assertThat(Discovery.isGroupDiscoveryFailedError(e)).isTrue();
    }

    @Test
    void aggregatedStaleVersionsGivePartialResultsAndTypedErrorWithSortedMessage() {
        FakeDiscovery fake = FakeDiscovery.aggregated("aggregated-api.json", "aggregated-apis.json");

        GroupDiscoveryFailedException e = catchThrowableOfType(GroupDiscoveryFailedException.class,
                fake::serverGroupsAndResources);

        assertThat(e).hasMessage("unable to retrieve the complete list of server APIs: "
                + "apps/v1beta1: stale GroupVersion discovery: apps/v1beta1, "
                + "metrics.example.io/v1beta1: stale GroupVersion discovery: metrics.example.io/v1beta1");
        assertThat(e.partialResources()).extracting(APIResourceList::getGroupVersion)
                .containsExactly("v1", "apps/v1", "example.com/v2", "example.com/v1", "other.example.org/v1");
        assertThat(fake.resourceCalls).hasValue(0);
    }

    @Test
    void preferredResourcesTakePreferredVersionAndKeepResourcesOnlyInOtherVersions() {
        FakeDiscovery fake = FakeDiscovery.legacy(FakeDiscovery.legacyFiles());

        List<APIResourceList> preferred = fake.plain().serverPreferredResources();

        // example.com lists v1 before v2 but prefers v2: widgets come from v2, gadgets (v1 only) stay in v1.
        assertThat(names(preferred)).containsExactly(
                "v1:pods", "v1:namespaces", "apps/v1:deployments", "example.com/v1:gadgets", "example.com/v2:widgets");
        // One list per group version with resources, even when empty (the metrics group).
        assertThat(preferred).extracting(APIResourceList::getGroupVersion)
                .containsExactly("v1", "apps/v1", "example.com/v1", "example.com/v2", "metrics.example.io/v1beta1");
    }

    @Test
    void firstListedVersionWinsWhenPreferredVersionLacksTheResource() {
        APIGroup group = new APIGroup();
        group.setName("g");
        group.setVersions(List.of(
                new io.fabric8.kubernetes.api.model.GroupVersionForDiscovery("g/v2", "v2"),
                new io.fabric8.kubernetes.api.model.GroupVersionForDiscovery("g/v1", "v1"),
                new io.fabric8.kubernetes.api.model.GroupVersionForDiscovery("g/v3", "v3")));
        group.setPreferredVersion(new io.fabric8.kubernetes.api.model.GroupVersionForDiscovery("g/v3", "v3"));
        Map<GroupVersion, APIResourceList> byGv = Map.of(
                GroupVersion.parse("g/v2"), list("g/v2", "things", "things/status"),
                GroupVersion.parse("g/v1"), list("g/v1", "things", "olds"),
                GroupVersion.parse("g/v3"), list("g/v3"));

        assertThat(names(Discovery.preferredResources(List.of(group), byGv)))
                .containsExactly("g/v2:things", "g/v1:olds");
        assertThat(Discovery.preferredVersion(group)).contains(GroupVersion.parse("g/v3"));
    }

    @Test
    void preferredNamespacedResourcesDropClusterScopedAndEmptyLists() {
        FakeDiscovery fake = FakeDiscovery.legacy(FakeDiscovery.legacyFiles());

        assertThat(names(fake.plain().serverPreferredNamespacedResources()))
                .containsExactly("v1:pods", "apps/v1:deployments", "example.com/v2:widgets");
    }

    @Test
    void preferredResourcesReportFailuresWithPartialResults() {
        FakeDiscovery fake = FakeDiscovery.aggregated("aggregated-api.json", "aggregated-apis.json");

        GroupDiscoveryFailedException e = catchThrowableOfType(GroupDiscoveryFailedException.class,
                fake::serverPreferredNamespacedResources);

        assertThat(e.groups()).containsOnlyKeys(
                GroupVersion.parse("apps/v1beta1"), GroupVersion.parse("metrics.example.io/v1beta1"));
        assertThat(names(e.partialResources())).contains("v1:pods", "apps/v1:deployments", "example.com/v2:widgets")
                .doesNotContain("v1:namespaces", "other.example.org/v1:widgets");
    }

    @Test
    void filtersByVerbs() {
        List<APIResourceList> lists = List.of(list("v1", "pods", "events"), list("apps/v1", "deployments"));
        lists.get(0).getResources().get(0).setVerbs(List.of("get", "list", "watch"));
        lists.get(0).getResources().get(1).setVerbs(List.of("get"));
        lists.get(1).getResources().get(0).setVerbs(List.of("list"));

        List<APIResourceList> filtered = Discovery.filteredBy(Discovery.supportsAllVerbs("list", "get"), lists);

        assertThat(names(filtered)).containsExactly("v1:pods");
        assertThat(names(Discovery.filteredBy(Discovery.supportsAllVerbs(), lists))).hasSize(3);
    }

    @Test
    void listsGroupVersionResources() {
        assertThat(Discovery.groupVersionResources(List.of(list("v1", "pods"), list("apps/v1", "deployments"))))
                .containsExactly(
                new GroupVersionResource("", "v1", "pods"), new GroupVersionResource("apps", "v1", "deployments"));
        assertThatThrownBy(() -> Discovery.groupVersionResources(List.of(list("a/b/c", "x"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findsGroupDiscoveryFailureInCauseChain() {
        GroupDiscoveryFailedException failed = new GroupDiscoveryFailedException(
                Map.of(GroupVersion.parse("a/v1"), new KubeException("boom")), List.of(), List.of());
        RuntimeException wrapped = new RuntimeException("outer", failed);

        assertThat(Discovery.isGroupDiscoveryFailedError(wrapped)).isTrue();
        assertThat(Discovery.groupDiscoveryFailedErrorGroups(wrapped)).hasValueSatisfying(
                m -> assertThat(m).containsOnlyKeys(GroupVersion.parse("a/v1")));
        assertThat(Discovery.isGroupDiscoveryFailedError(new KubeException("other"))).isFalse();
        assertThat(Discovery.isGroupDiscoveryFailedError(null)).isFalse();
        assertThat(Discovery.groupDiscoveryFailedErrorGroups(null)).isEmpty();
    }

    static APIResourceList list(String gv, String... resources) {
        List<APIResource> rs = new java.util.ArrayList<>();
        for (String name : resources) {
            APIResource r = new APIResource();
            r.setName(name);
            r.setKind("K");
            r.setNamespaced(true);
            rs.add(r);
        }
        return Discovery.resourceList(gv, rs);
    }
}
