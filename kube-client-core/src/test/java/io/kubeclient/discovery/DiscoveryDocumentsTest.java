package io.kubeclient.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.kubeclient.KubeException;
import io.kubeclient.apimachinery.schema.GroupVersion;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscoveryDocumentsTest {

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList|true",
        "application/json; as=APIGroupDiscoveryList; v=v2; g=apidiscovery.k8s.io; charset=utf-8|true",
        "Application/JSON;G=apidiscovery.k8s.io;V=v2;AS=APIGroupDiscoveryList|true",
        "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList|false",
        "application/json;g=apidiscovery.k8s.io;v=v2|false",
        "application/json|false",
        "application/yaml;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList|false",
        "not a media type|false",
    })
    void detectsAggregatedContentType(String contentType, boolean aggregated) {
        assertThat(DiscoveryDocuments.isAggregated(contentType)).isEqualTo(aggregated);
    }

    @Test
    void acceptHeaderAsksForV2ThenJsonInThatParameterOrder() {
        assertThat(DiscoveryDocuments.ACCEPT_AGGREGATED)
                .isEqualTo("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json");
    }

    @Test
    void decodesAggregatedAnswerWithResources() {
        GroupsAndMaybeResources apis = DiscoveryDocuments.decodeGroups("https://k/apis",
                "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList",
                FakeDiscovery.read("aggregated-apis.json"), false);
        assertThat(apis.hasResources()).isTrue();
        assertThat(apis.groups()).extracting(APIGroup::getName).first().isEqualTo("apps");
    }

    @Test
    void decodesLegacyCoreAnswerIntoOneGroup() {
        GroupsAndMaybeResources core = DiscoveryDocuments.decodeGroups("https://k/api", "application/json",
                FakeDiscovery.read("legacy-api.json"), true);
        assertThat(core.hasResources()).isFalse();
        APIGroup group = core.groups().get(0);
        assertThat(group.getName()).isEmpty();
        assertThat(group.getPreferredVersion().getGroupVersion()).isEqualTo("v1");
        assertThat(group.getVersions()).extracting(v -> v.getVersion()).containsExactly("v1");
    }

    @Test
    void emptyLegacyCoreAnswerStillGivesAnEmptyGroup() {
        GroupsAndMaybeResources core = DiscoveryDocuments.decodeGroups("/api", "application/json",
                json("{\"versions\":[]}"), true);
        assertThat(core.groups()).singleElement().satisfies(g -> assertThat(g.getVersions()).isEmpty());
    }

    @Test
    void mergeKeepsResourcesOnlyWhenBothAnswersAreAggregated() {
        String v2 = DiscoveryDocuments.ACCEPT_V2;
        GroupsAndMaybeResources aggCore = DiscoveryDocuments.decodeGroups("/api", v2, FakeDiscovery.read("aggregated-api.json"), true);
        GroupsAndMaybeResources aggApis = DiscoveryDocuments.decodeGroups("/apis", v2, FakeDiscovery.read("aggregated-apis.json"), false);
        GroupsAndMaybeResources legacyCore = DiscoveryDocuments.decodeGroups("/api", null, FakeDiscovery.read("legacy-api.json"), true);

        GroupsAndMaybeResources both = DiscoveryDocuments.merge(aggCore, aggApis);
        assertThat(both.groups()).extracting(APIGroup::getName).startsWith("", "apps");
        assertThat(both.resources()).containsKeys(GroupVersion.parse("v1"), GroupVersion.parse("apps/v1"));
        assertThat(both.failed()).containsKey(GroupVersion.parse("apps/v1beta1"));
        assertThat(DiscoveryDocuments.merge(legacyCore, aggApis).hasResources()).isFalse();
        assertThat(DiscoveryDocuments.merge(DiscoveryDocuments.coreNotFound(), aggApis).hasResources()).isTrue();
    }

    @Test
    void unknownContentTypeIsATypedErrorNamingTheSource() {
        assertThatThrownBy(() -> DiscoveryDocuments.decodeGroups("https://k/apis", "text/html; charset=utf-8",
                json("<html></html>"), false))
                .isInstanceOf(DiscoveryDocumentException.class)
                .isInstanceOf(KubeException.class)
                .hasMessageContaining("text/html")
                .hasMessageContaining("https://k/apis");
    }

    @Test
    void olderAggregatedVersionIsRejectedRatherThanMisread() {
        assertThatThrownBy(() -> DiscoveryDocuments.decodeGroups("/apis",
                "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList", json("{\"items\":[]}"), false))
                .isInstanceOf(DiscoveryDocumentException.class)
                .hasMessageContaining("v2beta1");
    }

    @Test
    void malformedJsonIsATypedErrorNamingTheSource() {
        assertThatThrownBy(() -> DiscoveryDocuments.parseAggregated("https://k/apis", json("{\"items\": [")))
                .isInstanceOf(DiscoveryDocumentException.class)
                .hasMessageContaining("malformed JSON")
                .hasMessageContaining("https://k/apis")
                .satisfies(e -> assertThat(((DiscoveryDocumentException) e).source()).isEqualTo("https://k/apis"));
    }

    @Test
    void emptyBodyAndNonObjectsAreTypedErrors() {
        assertThatThrownBy(() -> DiscoveryDocuments.parseGroupList("/apis", new byte[0]))
                .isInstanceOf(DiscoveryDocumentException.class).hasMessageContaining("empty body");
        assertThatThrownBy(() -> DiscoveryDocuments.parseGroupList("/apis", json("[]")))
                .isInstanceOf(DiscoveryDocumentException.class).hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> DiscoveryDocuments.parseAPIVersions("/api", json("null")))
                .isInstanceOf(DiscoveryDocumentException.class);
    }

    @Test
    void aggregatedResourceWithoutScopeIsATypedErrorWithItsPath() {
        String doc = "{\"items\":[{\"metadata\":{\"name\":\"apps\"},\"versions\":[{\"version\":\"v1\","
                + "\"resources\":[{\"resource\":\"deployments\"}]}]}]}";
        assertThatThrownBy(() -> DiscoveryDocuments.parseAggregated("/apis", json(doc)))
                .isInstanceOf(DiscoveryDocumentException.class)
                .hasMessageContaining("\"deployments\" is missing \"scope\"")
                .hasMessageContaining("$.items[0].versions[0].resources[0]");
    }

    @Test
    void aggregatedDocumentProblemsAreTypedErrors() {
        assertThatThrownBy(() -> DiscoveryDocuments.parseAggregated("/apis", json("{\"kind\":\"APIGroupDiscoveryList\"}")))
                .isInstanceOf(DiscoveryDocumentException.class).hasMessageContaining("\"items\"");
        assertThatThrownBy(() -> DiscoveryDocuments.parseAggregated("/apis",
                json("{\"items\":[{\"versions\":[{\"resources\":[]}]}]}")))
                .isInstanceOf(DiscoveryDocumentException.class).hasMessageContaining("missing \"version\"");
        assertThatThrownBy(() -> DiscoveryDocuments.parseAggregated("/apis",
                json("{\"items\":[{\"versions\":[{\"version\":\"v1\",\"resources\":[{\"resource\":\"a\",\"scope\":\"Galaxy\"}]}]}]}")))
                .isInstanceOf(DiscoveryDocumentException.class).hasMessageContaining("Galaxy");
        assertThatThrownBy(() -> DiscoveryDocuments.parseAggregated("/apis", json("{\"items\":{}}")))
                .isInstanceOf(DiscoveryDocumentException.class);
        assertThatThrownBy(() -> DiscoveryDocuments.parseAggregated("/apis",
                json("{\"items\":[{\"versions\":[{\"version\":\"v1\",\"resources\":[{\"resource\":\"a\",\"scope\":\"Cluster\",\"verbs\":\"get\"}]}]}]}")))
                .isInstanceOf(DiscoveryDocumentException.class).hasMessageContaining("verbs");
    }

    @Test
    void legacyGroupListMissingFieldsAreTypedErrors() {
        assertThatThrownBy(() -> DiscoveryDocuments.parseGroupList("/apis", json("{\"groups\":[{\"versions\":[]}]}")))
                .isInstanceOf(DiscoveryDocumentException.class)
                .hasMessageContaining("APIGroupList.groups[0] is missing \"name\"");
        assertThatThrownBy(() -> DiscoveryDocuments.parseGroupList("/apis",
                json("{\"groups\":[{\"name\":\"apps\",\"versions\":[{\"version\":\"v1\"}]}]}")))
                .isInstanceOf(DiscoveryDocumentException.class)
                .hasMessageContaining("APIGroupList.groups[0].versions[0] is missing \"groupVersion\"");
        assertThatThrownBy(() -> DiscoveryDocuments.parseGroupList("/apis", json("{\"kind\":\"APIGroupList\"}")))
                .isInstanceOf(DiscoveryDocumentException.class)
                .hasMessageContaining("\"groups\"");
    }

    @Test
    void resourceListMissingFieldsAreTypedErrors() {
        assertThatThrownBy(() -> DiscoveryDocuments.parseResourceList("/apis/apps/v1",
                json("{\"resources\":[{\"name\":\"deployments\"}]}"), "apps/v1"))
                .isInstanceOf(DiscoveryDocumentException.class)
                .hasMessageContaining("resources[0] is missing \"kind\"")
                .hasMessageContaining("/apis/apps/v1");
        assertThatThrownBy(() -> DiscoveryDocuments.parseResourceList("/apis/apps/v1",
                json("{\"resources\":[{\"name\":\"d\",\"kind\":\"D\",\"namespaced\":\"maybe\"}]}"), "apps/v1"))
                .isInstanceOf(DiscoveryDocumentException.class);
    }

    @Test
    void resourceListWithoutGroupVersionGetsTheOneAskedFor() {
        APIResourceList list = DiscoveryDocuments.parseResourceList("/apis/apps/v1",
                json("{\"resources\":[{\"name\":\"deployments\",\"kind\":\"Deployment\",\"namespaced\":true}]}"), "apps/v1");
        assertThat(list.getGroupVersion()).isEqualTo("apps/v1");
        assertThat(list.getResources().get(0).getNamespaced()).isTrue();
    }

    @Test
    void parsesVersionInfo() {
        VersionInfo info = DiscoveryDocuments.parseVersion("/version", json("{\"major\":\"1\",\"minor\":\"34\","
                + "\"emulationMajor\":\"1\",\"gitVersion\":\"v1.34.1\",\"platform\":\"linux/amd64\",\"new\":1}"));
        assertThat(info.major()).isEqualTo("1");
        assertThat(info.minor()).isEqualTo("34");
        assertThat(info.emulationMajor()).isEqualTo("1");
        assertThat(info.minCompatibilityMinor()).isEmpty();
        assertThat(info.platform()).isEqualTo("linux/amd64");
        assertThat(info).hasToString("v1.34.1");
    }

    @Test
    void unparseableVersionSaysSo() {
        assertThatThrownBy(() -> DiscoveryDocuments.parseVersion("https://k/version", json("<html>")))
                .isInstanceOf(DiscoveryDocumentException.class)
                .hasMessageStartingWith("unable to parse the server version: ")
                .hasMessageContaining("https://k/version");
        assertThatThrownBy(() -> DiscoveryDocuments.parseVersion("/version", json("\"v1.2\"")))
                .isInstanceOf(DiscoveryDocumentException.class)
                .hasMessageStartingWith("unable to parse the server version: ");
    }

    @Test
    void parsesOpenAPIV3Index() {
        Map<String, String> paths = DiscoveryDocuments.parseOpenAPIV3Paths("/openapi/v3", json(
                "{\"paths\":{\"api/v1\":{\"serverRelativeURL\":\"/openapi/v3/api/v1?hash=A1\"},"
                        + "\"apis/apps/v1\":{\"serverRelativeURL\":\"/openapi/v3/apis/apps/v1?hash=B2\"}}}"));
        assertThat(paths).containsExactly(
                Map.entry("api/v1", "/openapi/v3/api/v1?hash=A1"),
                Map.entry("apis/apps/v1", "/openapi/v3/apis/apps/v1?hash=B2"));
        assertThatThrownBy(() -> DiscoveryDocuments.parseOpenAPIV3Paths("/openapi/v3", json("{\"paths\":{\"api/v1\":{}}}")))
                .isInstanceOf(DiscoveryDocumentException.class)
                .hasMessageContaining("serverRelativeURL");
    }
}
