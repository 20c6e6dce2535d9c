package io.kubeclient.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.kubeclient.apimachinery.errors.Errors;
import io.kubeclient.apimachinery.errors.StatusException;
import io.kubeclient.apimachinery.schema.GroupVersion;
import io.kubeclient.rest.RESTClient;
import io.kubeclient.rest.RestConfig;
import io.kubeclient.rest.Transports;
import io.kubeclient.transport.HttpTransport;
import io.kubeclient.transport.TransportRequest;
import io.kubeclient.transport.TransportResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DiscoveryClientTest {

    private static final String ACCEPT_AGGREGATED =
            "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json";

    private DiscoveryServer server;
    private DiscoveryClient client;

    @BeforeEach
    void start() throws Exception {
        server = new DiscoveryServer();
        client = DiscoveryClient.newForConfig(server.config());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static List<String> groupVersions(List<APIResourceList> lists) {
        return lists.stream().map(APIResourceList::getGroupVersion).toList();
    }

    private static List<String> names(APIResourceList list) {
        return list.getResources().stream().map(APIResource::getName).toList();
    }

    private static List<String> groupNames(List<APIGroup> groups) {
        return groups.stream().map(APIGroup::getName).toList();
    }

    // ---- configuration -----------------------------------------------------------------------

    @Test
    void newForConfigAppliesDiscoveryDefaults() {
        RestConfig given = RestConfig.builder().host("https://k8s.example:6443").apiPath("/api")
                .groupVersion(GroupVersion.of("apps", "v1")).qps(7).acceptContentTypes("application/vnd.kubernetes.protobuf")
                .build();

        RestConfig c = DiscoveryClient.discoveryConfig(given);

        assertThat(c.apiPath()).isEmpty();
        assertThat(c.groupVersion()).isNull();
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(32));
        assertThat(c.burst()).isEqualTo(300);
        assertThat(c.qps()).isEqualTo(7f);
        assertThat(c.acceptContentTypes()).isEmpty();
        assertThat(c.host()).isEqualTo("https://k8s.example:6443");
    }

    @Test
    void newForConfigKeepsAnExplicitTimeoutAndBurst() {
        RestConfig c = DiscoveryClient.discoveryConfig(
                RestConfig.builder().timeout(Duration.ofSeconds(5)).burst(20).build());

        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.burst()).isEqualTo(20);
        assertThat(c.qps()).isZero();
    }

    @Test
    void sendsTheDiscoveryTimeoutToTheServer() {
        server.aggregated("aggregated-api.json", "aggregated-apis-current.json");

        client.serverGroups();

        assertThat(server.requests.get(0).getUrl().queryParameter("timeout")).isEqualTo("32s");
    }

    @Test
    void forRESTClientUsesAbsolutePathsWhateverTheClientsApiPath() {
        server.aggregated("aggregated-api.json", "aggregated-apis-current.json");
        RestConfig config = RestConfig.builder().host(server.host()).apiPath("/ignored").build();
        try (RESTClient rest = RESTClient.unversionedForConfig(config)) {
            DiscoveryClient discovery = DiscoveryClient.forRESTClient(rest);

            assertThat(groupNames(discovery.serverGroups().getGroups())).containsExactly("", "apps", "batch");
            assertThat(discovery.restClient()).isSameAs(rest);
        }
        assertThat(server.targets()).containsExactly("/api", "/apis");
    }

    @Test
    void newForConfigAndTransportSendsThroughTheCallersTransportAndLeavesItOpen() {
        server.aggregated("aggregated-api.json", "aggregated-apis-current.json");
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean closed = new AtomicBoolean();
        HttpTransport real = Transports.forConfig(server.config());
        HttpTransport counting = new HttpTransport() {
            @Override
            public TransportResponse send(TransportRequest request) throws IOException, InterruptedException {
                sent.incrementAndGet();
                return real.send(request);
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
        try (DiscoveryClient discovery = DiscoveryClient.newForConfigAndTransport(server.config(), counting)) {
            assertThat(discovery.serverGroups().getGroups()).hasSize(3);
        } finally {
            real.close();
        }
        assertThat(sent).hasValue(2);
        assertThat(closed).isFalse();
    }

    // ---- aggregated discovery ----------------------------------------------------------------

    @Test
    void aggregatedServerGivesGroupsAndResourcesInOneRoundTrip() {
        server.aggregated("aggregated-api.json", "aggregated-apis-current.json");

        ServerGroupsAndResources found = client.serverGroupsAndResources();

        assertThat(groupNames(found.groups())).containsExactly("", "apps", "batch");
        assertThat(groupVersions(found.resources())).containsExactly("v1", "apps/v1", "batch/v1");
        assertThat(names(found.resources().get(0)))
                .containsExactly("pods", "pods/status", "services", "namespaces", "endpoints", "bindings/status");
        assertThat(names(found.resources().get(1))).containsExactly("deployments", "deployments/scale");
        APIResource scale = found.resources().get(1).getResources().get(1);
        assertThat(scale.getGroup()).isEqualTo("autoscaling");
        assertThat(scale.getKind()).isEqualTo("Scale");
        assertThat(server.targets()).containsExactly("/api", "/apis");
    }

    @Test
    void asksForAggregatedV2WithJsonFallbackInThatExactOrder() {
        server.aggregated("aggregated-api.json", "aggregated-apis-current.json");

        client.serverGroups();

        assertThat(server.requests).hasSize(2);
        assertThat(server.requests).allSatisfy(r -> {
            assertThat(r.getMethod()).isEqualTo("GET");
            assertThat(r.getHeaders().values("Accept")).containsExactly(ACCEPT_AGGREGATED);
        });
    }

    @Test
    void aggregatedContentTypeIsRecognisedWithParametersInAnyOrder() {
        server.fixture("/api", "application/json; charset=utf-8;as=APIGroupDiscoveryList;v=v2;g=apidiscovery.k8s.io",
                "aggregated-api.json");
        server.fixture("/apis", DiscoveryServer.AGGREGATED, "aggregated-apis-current.json");

        GroupsAndMaybeResources found = client.groupsAndMaybeResources();

        assertThat(found.hasResources()).isTrue();
        assertThat(found.resources()).containsKeys(GroupVersion.of("", "v1"), GroupVersion.of("batch", "v1"));
    }

    @Test
    void staleAggregatedGroupVersionsGivePartialResultsAndATypedError() {
        server.aggregated("aggregated-api.json", "aggregated-apis.json");

        GroupsAndMaybeResources raw = client.groupsAndMaybeResources();
        assertThat(raw.failed()).containsOnlyKeys(GroupVersion.of("apps", "v1beta1"),
                GroupVersion.of("metrics.example.io", "v1beta1"));
        assertThat(raw.failed().values()).allMatch(e -> e instanceof StaleGroupVersionException);

        GroupDiscoveryFailedException e = catchThrowableOfType(GroupDiscoveryFailedException.class,
                client::serverGroupsAndResources);

        assertThat(e).hasMessage("unable to retrieve the complete list of server APIs: "
                + "apps/v1beta1: stale GroupVersion discovery: apps/v1beta1, "
                + "metrics.example.io/v1beta1: stale GroupVersion discovery: metrics.example.io/v1beta1");
        assertThat(groupNames(e.partialGroups())).containsExactly("", "apps", "example.com", "other.example.org",
                "metrics.example.io");
        assertThat(groupVersions(e.partialResources()))
                .containsExactly("v1", "apps/v1", "example.com/v2", "example.com/v1", "other.example.org/v1");
        assertThat(Discovery.isGroupDiscoveryFailedError(e)).isTrue();
    }

    @Test
    void partialFailureIsTriedOnceMore() {
        server.aggregated("aggregated-api.json", "aggregated-apis.json");

        assertThatThrownBy(client::serverGroupsAndResources).isInstanceOf(GroupDiscoveryFailedException.class);

        assertThat(server.targets()).containsExactly("/api", "/apis", "/api", "/apis");
    }

    @Test
    void notFoundOnApiMeansNoCoreGroup() {
        server.fixture("/apis", DiscoveryServer.AGGREGATED, "aggregated-apis-current.json");

        ServerGroupsAndResources found = client.serverGroupsAndResources();

        assertThat(groupNames(found.groups())).containsExactly("apps", "batch");
        assertThat(groupVersions(found.resources())).containsExactly("apps/v1", "batch/v1");
        assertThat(server.targets()).containsExactly("/api", "/apis");
    }

    @Test
    void notFoundOnApisIsAnError() {
        server.fixture("/api", DiscoveryServer.AGGREGATED, "aggregated-api.json");

        Throwable e = catchThrowableOfType(StatusException.class, client::serverGroups);

        assertThat(Errors.isNotFound(e)).isTrue();
    }

    // ---- legacy discovery --------------------------------------------------------------------

    @Test
    void serverAnsweringPlainJsonToTheAggregatedAcceptIsReadAsLegacy() {
        server.legacy();

        ServerGroupsAndResources found = client.serverGroupsAndResources();

        assertThat(groupNames(found.groups())).containsExactly("", "apps", "example.com", "metrics.example.io");
        assertThat(groupVersions(found.resources())).containsExactly(
                "v1", "apps/v1", "example.com/v1", "example.com/v2", "metrics.example.io/v1beta1");
        assertThat(names(found.resources().get(1))).containsExactly("deployments", "deployments/scale");
        assertThat(found.resources().get(4).getResources()).isEmpty();
        assertThat(server.requests.get(0).getHeaders().get("Accept")).isEqualTo(ACCEPT_AGGREGATED);
        assertThat(server.requests.get(1).getHeaders().get("Accept")).isEqualTo(ACCEPT_AGGREGATED);
        assertThat(server.targets()).containsExactlyInAnyOrder("/api", "/apis", "/api/v1", "/apis/apps/v1",
                "/apis/example.com/v1", "/apis/example.com/v2", "/apis/metrics.example.io/v1beta1");
    }

    @Test
    void legacyGroupsCarryNoResources() {
        server.legacy();

        GroupsAndMaybeResources found = client.groupsAndMaybeResources();

        assertThat(found.hasResources()).isFalse();
        APIGroup core = found.groups().get(0);
        assertThat(core.getName()).isEmpty();
        assertThat(core.getPreferredVersion().getGroupVersion()).isEqualTo("v1");
        assertThat(server.targets()).containsExactly("/api", "/apis");
    }

    @Test
    void aggregatedApisWithLegacyApiStillFetchesPerGroupVersion() {
        server.legacy().fixture("/apis", DiscoveryServer.AGGREGATED, "aggregated-apis-current.json");

        GroupsAndMaybeResources found = client.groupsAndMaybeResources();

        assertThat(found.hasResources()).isFalse();
        assertThat(groupNames(found.groups())).containsExactly("", "apps", "batch");
    }

    @Test
    void responseWithoutContentTypeIsReadAsLegacy() {
        server.legacy();
        server.fixture("/api", null, "legacy-api.json");

        assertThat(client.groupsAndMaybeResources().groups().get(0).getVersions()).hasSize(1);
    }

    @Test
    void withLegacyAsksOnlyForPlainJson() {
        server.legacy();

        GroupsAndMaybeResources found = client.withLegacy().groupsAndMaybeResources();

        assertThat(found.hasResources()).isFalse();
        assertThat(server.requests).allSatisfy(
                r -> assertThat(r.getHeaders().values("Accept")).containsExactly("application/json"));
    }

    @Test
    void failingGroupVersionGivesPartialResultsNamingIt() {
        server.legacy().body("/apis/example.com/v1", 500, DiscoveryServer.JSON,
                "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"etcd is sad\","
                        + "\"reason\":\"InternalError\",\"code\":500}");

        GroupDiscoveryFailedException e = catchThrowableOfType(GroupDiscoveryFailedException.class,
                client::serverGroupsAndResources);

        assertThat(e.groups()).containsOnlyKeys(GroupVersion.of("example.com", "v1"));
        assertThat(e.groups().get(GroupVersion.of("example.com", "v1")))
                .isInstanceOf(StatusException.class).hasMessage("etcd is sad");
        assertThat(e).hasMessage("unable to retrieve the complete list of server APIs: example.com/v1: etcd is sad");
        assertThat(groupVersions(e.partialResources()))
                .containsExactly("v1", "apps/v1", "example.com/v2", "metrics.example.io/v1beta1");
        assertThat(groupNames(e.partialGroups())).containsExactly("", "apps", "example.com", "metrics.example.io");
        assertThat(server.count("/apis/example.com/v1")).isEqualTo(2);
    }

    @Test
    void preferredResourcesSurviveAFailingGroupVersion() {
        server.legacy().body("/apis/apps/v1", 503, "text/plain", "unavailable");

        GroupDiscoveryFailedException e = catchThrowableOfType(GroupDiscoveryFailedException.class,
                client::serverPreferredResources);

        assertThat(e.groups()).containsOnlyKeys(GroupVersion.of("apps", "v1"));
        assertThat(Errors.isServiceUnavailable(e.groups().get(GroupVersion.of("apps", "v1")))).isTrue();
        assertThat(groupVersions(e.partialResources()))
                .containsExactly("v1", "example.com/v1", "example.com/v2", "metrics.example.io/v1beta1");
        // example.com prefers v2: widgets from v2, gadgets only exist in v1.
        assertThat(names(e.partialResources().get(1))).containsExactly("gadgets");
        assertThat(names(e.partialResources().get(2))).containsExactly("widgets");
    }

    @Test
    void preferredNamespacedResourcesFromALegacyServer() {
        server.legacy();

        List<APIResourceList> lists = client.serverPreferredNamespacedResources();

        assertThat(groupVersions(lists)).containsExactly("v1", "apps/v1", "example.com/v2");
        assertThat(names(lists.get(0))).containsExactly("pods");
    }

    // ---- one group version -------------------------------------------------------------------

    @Test
    void resourcesForCoreAndNamedGroupVersions() {
        server.legacy();

        assertThat(names(client.serverResourcesForGroupVersion("v1")))
                .containsExactly("pods", "pods/status", "namespaces");
        assertThat(client.serverResourcesForGroupVersion("apps/v1").getGroupVersion()).isEqualTo("apps/v1");
        assertThat(server.targets()).containsExactly("/api/v1", "/apis/apps/v1");
        assertThat(server.requests.get(0).getHeaders().get("Accept")).isEqualTo("application/json, */*");
    }

    @Test
    void notFoundForCoreV1IsAnEmptyListButNotForOtherGroupVersions() {
        APIResourceList core = client.serverResourcesForGroupVersion("v1");
        assertThat(core.getGroupVersion()).isEqualTo("v1");
        assertThat(core.getResources()).isEmpty();

        Throwable e = catchThrowableOfType(StatusException.class, () -> client.serverResourcesForGroupVersion("apps/v1"));
        assertThat(Errors.isNotFound(e)).isTrue();
    }

    @Test
    void rejectsEmptyOrUnsafeGroupVersions() {
        assertThatThrownBy(() -> client.serverResourcesForGroupVersion(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("groupVersion shouldn't be empty");
        assertThatThrownBy(() -> client.serverResourcesForGroupVersion("../v1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"../v1\"");
        assertThatThrownBy(() -> client.serverResourcesForGroupVersion("apps/v1/x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.serverResourcesForGroupVersion("apps/v1?watch=1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.requests).isEmpty();
    }

    // ---- bad documents -----------------------------------------------------------------------

    @Test
    void malformedAggregatedJsonIsATypedErrorNamingTheUrl() {
        server.fixture("/api", DiscoveryServer.AGGREGATED, "aggregated-api.json");
        server.body("/apis", 200, DiscoveryServer.AGGREGATED, "{\"items\": [");

        DiscoveryDocumentException e = catchThrowableOfType(DiscoveryDocumentException.class, client::serverGroups);

        assertThat(e.source()).isEqualTo(server.host() + "/apis?timeout=32s");
        assertThat(e).hasMessageContaining("malformed JSON").hasMessageContaining(server.host() + "/apis");
    }

    @Test
    void unknownContentTypeIsATypedErrorNamingTheUrl() {
        server.body("/api", 200, "text/html", "<html>login</html>");

        DiscoveryDocumentException e = catchThrowableOfType(DiscoveryDocumentException.class, client::serverGroups);

        assertThat(e).hasMessageContaining("unexpected content type \"text/html\"")
                .hasMessageContaining(server.host() + "/api");
    }

    @Test
    void groupVersionWithMissingFieldsIsATypedErrorNamingTheUrl() {
        server.body("/apis/apps/v1", 200, DiscoveryServer.JSON,
                "{\"groupVersion\":\"apps/v1\",\"resources\":[{\"name\":\"deployments\"}]}");

        DiscoveryDocumentException e = catchThrowableOfType(DiscoveryDocumentException.class,
                () -> client.serverResourcesForGroupVersion("apps/v1"));

        assertThat(e).hasMessageContaining("is missing \"kind\"");
        assertThat(e.source()).startsWith(server.host() + "/apis/apps/v1");
    }

    @Test
    void groupVersionWithUnknownContentTypeIsATypedError() {
        server.body("/apis/apps/v1", 200, "application/yaml", "resources: []");

        assertThatThrownBy(() -> client.serverResourcesForGroupVersion("apps/v1"))
                .isInstanceOf(DiscoveryDocumentException.class)
                .hasMessageContaining("application/yaml")
                .hasMessageContaining(server.host() + "/apis/apps/v1");
    }

    @Test
    void malformedGroupVersionInALegacyRefreshIsReportedAsThatGroupVersionsFailure() {
        server.legacy().body("/apis/example.com/v2", 200, DiscoveryServer.JSON, "not json");

        GroupDiscoveryFailedException e = catchThrowableOfType(GroupDiscoveryFailedException.class,
                client::serverGroupsAndResources);

        assertThat(e.groups().get(GroupVersion.of("example.com", "v2")))
                .isInstanceOf(DiscoveryDocumentException.class)
                .hasMessageContaining(server.host() + "/apis/example.com/v2");
    }

    // ---- version and OpenAPI -----------------------------------------------------------------

    @Test
    void serverVersionReadsTheVersionDocument() {
        server.fixture("/version", DiscoveryServer.JSON, "version.json");

        VersionInfo info = client.serverVersion();

        assertThat(info.gitVersion()).isEqualTo("v1.34.1");
        assertThat(info.minor()).isEqualTo("34");
        assertThat(info.minCompatibilityMinor()).isEqualTo("33");
        assertThat(info.platform()).isEqualTo("linux/amd64");
        assertThat(server.targets()).containsExactly("/version");
    }

    @Test
    void unparseableVersionIsATypedErrorNamingTheUrl() {
        server.body("/version", 200, DiscoveryServer.JSON, "[1, 34]");

        assertThatThrownBy(client::serverVersion)
                .isInstanceOf(DiscoveryDocumentException.class)
                .hasMessageContaining("unable to parse the server version")
                .hasMessageContaining(server.host() + "/version");
    }

    @Test
    void versionErrorsAreStatusErrors() {
        Throwable e = catchThrowableOfType(StatusException.class, client::serverVersion);

        assertThat(Errors.isNotFound(e)).isTrue();
    }

    @Test
    void openAPIV3PathsListsEachGroupVersionsSchemaUrl() {
        server.fixture("/openapi/v3", DiscoveryServer.JSON, "openapi-v3-index.json");

        assertThat(client.openAPIV3Paths()).containsExactly(
                java.util.Map.entry("api/v1", "/openapi/v3/api/v1?hash=0A1B2C"),
                java.util.Map.entry("apis/apps/v1", "/openapi/v3/apis/apps/v1?hash=D3E4F5"));
    }

    @Test
    void openAPIV3SchemaIsFetchedRawWithItsHashAndTheCallersAccept() {
        server.fixture("/openapi/v3", DiscoveryServer.JSON, "openapi-v3-index.json");
        server.body("/openapi/v3/apis/apps/v1?hash=D3E4F5&timeout=32s", 200, "application/json",
                "{\"openapi\":\"3.0.0\"}");

        byte[] schema = client.openAPIV3Schema("apis/apps/v1", "application/json");

        assertThat(new String(schema, StandardCharsets.UTF_8)).isEqualTo("{\"openapi\":\"3.0.0\"}");
        assertThat(server.requests.get(1).getHeaders().values("Accept")).containsExactly("application/json");
        assertThat(server.requests.get(1).getUrl().queryParameter("hash")).isEqualTo("D3E4F5");
    }

    @Test
    void openAPIV3SchemaForAPathTheIndexDoesNotListIsFetchedWithoutHash() {
        server.fixture("/openapi/v3", DiscoveryServer.JSON, "openapi-v3-index.json");
        byte[] proto = {0x0a, 0x05, 0x33, 0x2e, 0x30, 0x2e, 0x30};
        server.body("/openapi/v3/apis/example.com/v1?timeout=32s", 200,
                "application/com.github.proto-openapi.spec.v3@v1.0+protobuf", new String(proto, StandardCharsets.ISO_8859_1));

        byte[] schema = client.openAPIV3Schema("apis/example.com/v1",
                "application/com.github.proto-openapi.spec.v3@v1.0+protobuf");

        assertThat(schema).containsExactly(proto);
        assertThat(server.requests.get(1).getHeaders().get("Accept"))
                .isEqualTo("application/com.github.proto-openapi.spec.v3@v1.0+protobuf");
    }

    @Test
    void openAPIV3SchemaErrorsAndBadPaths() {
        server.fixture("/openapi/v3", DiscoveryServer.JSON, "openapi-v3-index.json");

        Throwable e = catchThrowableOfType(StatusException.class,
                () -> client.openAPIV3Schema("api/v1", "application/json"));
        assertThat(Errors.isNotFound(e)).isTrue();
        assertThatThrownBy(() -> client.openAPIV3Schema("apis/../../version", "application/json"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void openAPIV3IndexPointingOffServerIsATypedError() {
        server.body("/openapi/v3", 200, DiscoveryServer.JSON,
                "{\"paths\":{\"api/v1\":{\"serverRelativeURL\":\"https://evil.example/openapi/v3/api/v1\"}}}");

        assertThatThrownBy(() -> client.openAPIV3Schema("api/v1", "application/json"))
                .isInstanceOf(DiscoveryDocumentException.class)
                .hasMessageContaining("not a server-relative path");
    }

    @Test
    void malformedOpenAPIV3IndexIsATypedErrorNamingTheUrl() {
        server.body("/openapi/v3", 200, DiscoveryServer.JSON, "{\"paths\":{\"api/v1\":{}}}");

        assertThatThrownBy(client::openAPIV3Paths)
                .isInstanceOf(DiscoveryDocumentException.class)
                .hasMessageContaining("serverRelativeURL")
                .hasMessageContaining(server.host() + "/openapi/v3");
    }
}
