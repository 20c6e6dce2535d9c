package io.kubeclient.restmapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeclient.KubeException;
import io.kubeclient.apimachinery.schema.GroupKind;
import io.kubeclient.apimachinery.schema.GroupVersion;
import io.kubeclient.apimachinery.schema.GroupVersionKind;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefaultRESTMapperTest {

    private static final GroupVersion APPS_V1 = GroupVersion.parse("apps/v1");
    private static final GroupVersion APPS_V1BETA1 = GroupVersion.parse("apps/v1beta1");
    private static final GroupVersion EXT = GroupVersion.parse("extensions/v1beta1");

    private static GroupVersionResource gvr(String g, String v, String r) {
        return new GroupVersionResource(g, v, r);
    }

    @ParameterizedTest
    @CsvSource({
        "Pod,pods,pod",
        "NetworkPolicy,networkpolicies,networkpolicy",
        "Gateway,gatewaies,gateway",
        "Ingress,ingresses,ingress",
        "Status,statuses,status",
        "Endpoints,endpoints,endpoints",
        "EndpointSlice,endpointslices,endpointslice",
        "PodEndpoints,podendpoints,podendpoints",
        "Box,boxs,box",
        "Church,churchs,church",
        "ConfigMapList,configmaplists,configmaplist",
    })
    void guessesPluralsWithTodaysRules(String kind, String plural, String singular) {
        DefaultRESTMapper.GuessedResource g =
                DefaultRESTMapper.unsafeGuessKindToResource(new GroupVersionKind("g", "v1", kind));
        assertThat(g.plural()).isEqualTo(gvr("g", "v1", plural));
        assertThat(g.singular()).isEqualTo(gvr("g", "v1", singular));
    }

    @Test
    void emptyKindGuessesEmptyResources() {
        DefaultRESTMapper.GuessedResource g =
                DefaultRESTMapper.unsafeGuessKindToResource(new GroupVersionKind("g", "v1", ""));
        assertThat(g.plural().isEmpty()).isTrue();
        assertThat(g.singular().isEmpty()).isTrue();
    }

    private static DefaultRESTMapper mapper() {
        DefaultRESTMapper m = new DefaultRESTMapper(List.of(APPS_V1, APPS_V1BETA1, EXT));
        m.add(APPS_V1.withKind("Deployment"), RESTScope.NAMESPACE);
        m.add(APPS_V1BETA1.withKind("Deployment"), RESTScope.NAMESPACE);
        m.add(EXT.withKind("Deployment"), RESTScope.NAMESPACE);
        m.addSpecific(APPS_V1.withKind("Thing"), APPS_V1.withResource("thingies"), APPS_V1.withResource("thingy"),
                RESTScope.ROOT);
        return m;
    }

    @Test
    void fullySpecifiedResourceMatchesPluralOrSingular() {
        assertThat(mapper().resourcesFor(gvr("apps", "v1", "deployment")))
                .containsExactly(gvr("apps", "v1", "deployments"));
        assertThat(mapper().resourceFor(gvr("apps", "v1", "thingy"))).isEqualTo(gvr("apps", "v1", "thingies"));
        assertThat(mapper().kindFor(gvr("apps", "v1", "thingies"))).isEqualTo(APPS_V1.withKind("Thing"));
    }

    @Test
    void resourceNamesAreCaseInsensitiveAndInternalVersionIsAWildcard() {
        assertThat(mapper().resourceFor(gvr("apps", "v1", "Deployments"))).isEqualTo(gvr("apps", "v1", "deployments"));
        assertThat(mapper().resourcesFor(gvr("apps", "__internal", "DEPLOYMENT"))).hasSize(2);
    }

    @Test
    void emptyGroupAndVersionAreWildcardsOrderedByDefaultGroupVersions() {
        assertThat(mapper().resourcesFor(gvr("", "", "deployments"))).containsExactly(
                gvr("apps", "v1", "deployments"), gvr("apps", "v1beta1", "deployments"),
                gvr("extensions", "v1beta1", "deployments"));
        assertThat(mapper().kindsFor(gvr("", "v1beta1", "deployment"))).containsExactly(
                APPS_V1BETA1.withKind("Deployment"), EXT.withKind("Deployment"));
    }

    @Test
    void groupPrefixMatchesWhenNoGroupMatchesExactly() {
        assertThat(mapper().resourcesFor(gvr("ext", "", "deployments")))
                .containsExactly(gvr("extensions", "v1beta1", "deployments"));
        assertThat(mapper().kindsFor(gvr("app", "", "deployments"))).containsExactly(
                APPS_V1.withKind("Deployment"), APPS_V1BETA1.withKind("Deployment"));
    }

    @Test
    void ambiguousResourceListsTheCandidates() {
        assertThatThrownBy(() -> mapper().resourceFor(gvr("", "", "deployments")))
                .isInstanceOf(AmbiguousResourceException.class)
                .hasMessage("/, Resource=deployments matches multiple resources [apps/v1, Resource=deployments "
                        + "apps/v1beta1, Resource=deployments extensions/v1beta1, Resource=deployments]");
        assertThatThrownBy(() -> mapper().kindFor(gvr("apps", "", "deployments")))
                .isInstanceOf(AmbiguousResourceException.class)
                .hasMessageContaining("matches multiple kinds [apps/v1, Kind=Deployment apps/v1beta1, Kind=Deployment]");
    }

    @Test
    void noMatchAndMissingResourceAreErrors() {
        assertThatThrownBy(() -> mapper().resourcesFor(gvr("apps", "v1", "pods")))
                .isInstanceOf(NoResourceMatchException.class)
                .hasMessage("no matches for apps/v1, Resource=pods");
        assertThatThrownBy(() -> mapper().kindsFor(gvr("", "", "Pods")))
                .isInstanceOf(NoResourceMatchException.class)
                .hasMessage("no matches for /, Resource=Pods");
        assertThatThrownBy(() -> mapper().resourcesFor(gvr("apps", "v1", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a resource must be present, got: apps/v1, Resource=");
    }

    @Test
    void restMappingUsesFirstRegisteredRequestedVersion() {
        RESTMapping m = mapper().restMapping(new GroupKind("apps", "Deployment"), "v2", "", "v1beta1", "v1");
        assertThat(m.groupVersionKind()).isEqualTo(APPS_V1BETA1.withKind("Deployment"));
        assertThat(m.resource()).isEqualTo(gvr("apps", "v1beta1", "deployments"));
        assertThat(m.scope()).isEqualTo(RESTScope.NAMESPACE);
        assertThat(m.scope().scopeName()).isEqualTo("namespace");
    }

    @Test
    void restMappingWithoutVersionsUsesDefaultGroupVersionsOfTheGroup() {
        assertThat(mapper().restMappings(new GroupKind("apps", "Deployment")))
                .extracting(RESTMapping::groupVersionKind)
                .containsExactly(APPS_V1.withKind("Deployment"), APPS_V1BETA1.withKind("Deployment"));
        assertThat(mapper().restMapping(new GroupKind("apps", "Thing")).scope()).isEqualTo(RESTScope.ROOT);
    }

    @Test
    void restMappingMissesAreNoKindMatches() {
        assertThatThrownBy(() -> mapper().restMapping(new GroupKind("apps", "Deployment"), "v2"))
                .isInstanceOf(NoKindMatchException.class)
                .hasMessage("no matches for kind \"Deployment\" in version \"apps/v2\"");
        assertThatThrownBy(() -> mapper().restMapping(new GroupKind("apps", "Deployment"), "v3", "v2"))
                .hasMessage("no matches for kind \"Deployment\" in versions [\"apps/v2\" \"apps/v3\"]");
        assertThatThrownBy(() -> mapper().restMapping(new GroupKind("batch", "Job")))
                .isInstanceOf(NoKindMatchException.class)
                .hasMessage("no matches for kind \"Job\" in group \"batch\"");
        assertThatThrownBy(() -> mapper().restMapping(new GroupKind("apps", "Job")))
                .isInstanceOf(NoResourceMatchException.class);
    }

    @Test
    void singularizesUniqueSingular() {
        assertThat(mapper().resourceSingularizer("deployments")).isEqualTo("deployment");
        assertThat(mapper().resourceSingularizer("thingies")).isEqualTo("thingy");
        DefaultRESTMapper m = mapper();
        m.addSpecific(EXT.withKind("Other"), EXT.withResource("thingies"), EXT.withResource("thing"), RESTScope.ROOT);
        assertThatThrownBy(() -> m.resourceSingularizer("thingies"))
                .isInstanceOf(KubeException.class)
                .hasMessageStartingWith("multiple possible singular resources (");
    }
}
