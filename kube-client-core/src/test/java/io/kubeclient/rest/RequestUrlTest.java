package io.kubeclient.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeclient.ConfigException;
import io.kubeclient.apimachinery.schema.GroupVersion;
import io.kubeclient.flowcontrol.RateLimiter;
import io.kubeclient.transport.HttpTransport;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestUrlTest {

    private static final HttpTransport NO_NETWORK = request -> {
        throw new AssertionError("no request may be sent");
    };

    private static RestConfig.Builder config() {
        return RestConfig.builder().host("https://example.test:6443").apiPath("/api")
                .groupVersion(GroupVersion.of("", "v1"));
    }

    private static RESTClient client(RestConfig config) {
        return RESTClient.forConfigAndTransport(config, NO_NETWORK);
    }

    private static RESTClient core() {
        return client(config().build());
    }

    @Test
    void buildsNamespacedObjectPath() {
        assertThat(core().get().namespace("default").resource("pods").name("web").url())
                .hasToString("https://example.test:6443/api/v1/namespaces/default/pods/web");
    }

    @Test
    void buildsNamedGroupPath() {
        RESTClient apps = client(config().apiPath("/apis").groupVersion(GroupVersion.of("apps", "v1")).build());
        assertThat(apps.get().namespace("ns").resource("deployments").url().getPath())
                .isEqualTo("/apis/apps/v1/namespaces/ns/deployments");
    }

    @Test
    void keepsHostPathAsPrefix() {
        RESTClient c = client(config().host("https://proxy.test/k8s/clusters/c1").build());
        assertThat(c.get().resource("nodes").url())
                .hasToString("https://proxy.test/k8s/clusters/c1/api/v1/nodes");
    }

    @Test
    void prefixesHostPortWithHttpWithoutTls() {
        RESTClient c = client(config().host("localhost:8080").build());
        assertThat(c.get().resource("nodes").url()).hasToString("http://localhost:8080/api/v1/nodes");
    }

    @Test
    void prefixesHostPortWithHttpsWhenInsecure() {
        RESTClient c = client(config().host("10.0.0.1:6443").insecure(true).build());
        assertThat(c.get().resource("nodes").url()).hasToString("https://10.0.0.1:6443/api/v1/nodes");
    }

    @Test
    void emptyHostIsLocalhost() {
        RESTClient c = client(config().host("").build());
        assertThat(c.get().url()).hasToString("http://localhost/api/v1");
    }

    @Test
    void rejectsHostPortWithPath() {
        assertThatThrownBy(() -> client(config().host("example.test:6443/path").build()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("host must be a URL or a host:port pair: \"example.test:6443/path\"");
    }

    @Test
    void escapesNamesNamespacesAndResourcesAsGo() {
        assertThat(core().get().namespace("a b").resource("Crd s").name("x?y#z é").url())
                .hasToString("https://example.test:6443/api/v1/namespaces/a%20b/crd%20s/x%3Fy%23z%20%C3%A9");
        assertThat(core().get().namespace("n").resource("pods").name("a:b@c$&+,;=~._-").url())
                .hasToString("https://example.test:6443/api/v1/namespaces/n/pods/a:b@c$&+,;=~._-");
        assertThat(core().get().resource("pods").name("...").subResource("status").url())
                .hasToString("https://example.test:6443/api/v1/pods/.../status");
    }

    @Test
    void buildsFullUrlWithSubresourceSuffixAndQuery() {
        Request r = core().get().namespace("ns").resource("pods").name("p").subResource("proxy", "x y")
                .suffix("metrics/", "..", "a?b").param("watch", "true").param("fieldSelector", "a=b c")
                .timeout(Duration.ofMillis(1500));
        assertThat(r.url()).hasToString("https://example.test:6443/api/v1/namespaces/ns/pods/p/proxy/x%20y/a%3Fb"
                + "?fieldSelector=a%3Db+c&timeout=1.5s&watch=true");
    }

    @Test
    void joinsOntoBasePathsWithAndWithoutTrailingSlashes() {
        for (String host : new String[] {"https://proxy.test/k8s", "https://proxy.test/k8s/", "https://proxy.test//k8s//"}) {
            RESTClient c = client(config().host(host).build());
            assertThat(c.get().namespace("ns").resource("pods").name("p").url())
                    .hasToString("https://proxy.test/k8s/api/v1/namespaces/ns/pods/p");
            assertThat(c.get().url()).hasToString("https://proxy.test/k8s/api/v1");
            assertThat(c.get().absPath("/apis/").url()).hasToString("https://proxy.test/k8s/apis/");
            assertThat(c.get().absPath("/apis/").resource("x").url()).hasToString("https://proxy.test/k8s/apis/x");
        }
        RESTClient root = client(config().host("https://example.test/").build());
        assertThat(root.get().absPath("/").url()).hasToString("https://example.test/");
        assertThat(root.get().absPath("/").resource("pods").url()).hasToString("https://example.test/pods");
        assertThat(root.get().absPath("/version").url()).hasToString("https://example.test/version");
    }

    @Test
    void escapesBasePathAndPrefixOnce() {
        RESTClient c = client(config().host("https://proxy.test/a%20b/\u00e9").build());
        assertThat(c.get().resource("pods").url()).hasToString("https://proxy.test/a%2520b/%C3%A9/api/v1/pods");
        assertThat(c.get().prefix("w x").resource("pods").url()).hasToString("https://proxy.test/a%2520b/%C3%A9/api/v1/w%20x/pods");
        assertThat(c.get().prefix("..", "..").url()).hasToString("https://proxy.test/a%2520b/%C3%A9");
    }

    @Test
    void appendsSubresourceThenSuffix() {
        assertThat(core().get().namespace("ns").resource("pods").name("p").subResource("proxy").suffix("metrics", "x")
                .url().getPath()).isEqualTo("/api/v1/namespaces/ns/pods/p/proxy/metrics/x");
    }

    @Test
    void joinsSubresourceSegments() {
        assertThat(core().get().resource("services").name("s").subResource("proxy", "healthz").url().getPath())
                .isEqualTo("/api/v1/services/s/proxy/healthz");
    }

    @Test
    void prefixExtendsApiPath() {
        assertThat(core().get().prefix("watch").resource("pods").url().getPath()).isEqualTo("/api/v1/watch/pods");
    }

    @Test
    void absPathReplacesApiPath() {
        assertThat(core().get().absPath("/version").url().getPath()).isEqualTo("/version");
    }

    @Test
    void absPathKeepsTrailingSlashOfSingleSegment() {
        assertThat(core().get().absPath("/apis/").url().getPath()).isEqualTo("/apis/");
    }

    @Test
    void absPathKeepsHostPrefix() {
        RESTClient c = client(config().host("https://proxy.test/k8s").build());
        assertThat(c.get().absPath("/healthz").url().getPath()).isEqualTo("/k8s/healthz");
    }

    @Test
    void unversionedClientUsesApiPathOnly() {
        RESTClient c = RESTClient.unversionedForConfigAndTransport(config().groupVersion(null).build(), NO_NETWORK);
        assertThat(c.get().url().getPath()).isEqualTo("/api");
        assertThat(c.apiVersion().isEmpty()).isTrue();
    }

    @Test
    void lowercasesResource() {
        assertThat(core().get().resource("Pods").url().getPath()).isEqualTo("/api/v1/pods");
    }

    @Test
    void emptyNamespaceAddsNoSegment() {
        assertThat(core().get().namespace("").resource("pods").url().getPath()).isEqualTo("/api/v1/pods");
    }

    @Test
    void namespaceIfScopedSkipsClusterScoped() {
        assertThat(core().get().namespaceIfScoped("ns", false).resource("nodes").url().getPath())
                .isEqualTo("/api/v1/nodes");
        assertThat(core().get().namespaceIfScoped("ns", true).resource("pods").url().getPath())
                .isEqualTo("/api/v1/namespaces/ns/pods");
    }

    @Test
    void sortsQueryKeysAndKeepsValueOrder() {
        Request r = core().get().resource("pods").param("watch", "true").param("dryRun", "b").param("dryRun", "a");
        assertThat(r.url().getRawQuery()).isEqualTo("dryRun=b&dryRun=a&watch=true");
    }

    @Test
    void formEncodesQueryValues() {
        Request r = core().get().param("labelSelector", "app in (a,b),tier!=db").param("fieldSelector", "a=b c");
        assertThat(r.url().getRawQuery())
                .isEqualTo("fieldSelector=a%3Db+c&labelSelector=app+in+%28a%2Cb%29%2Ctier%21%3Ddb");
    }

    @Test
    void encodesOurOptionTypes() {
        io.kubeclient.apimachinery.meta.ListOptions opts = io.kubeclient.apimachinery.meta.ListOptions.builder()
                .labelSelector("app=web").watch(true).timeoutSeconds(30).sendInitialEvents(false).build();
        assertThat(core().get().resource("pods").versionedParams(opts).url().getRawQuery())
                .isEqualTo("labelSelector=app%3Dweb&sendInitialEvents=false&timeoutSeconds=30&watch=true");
    }

    @Test
    void patchSendsPatchTypeAsContentType() {
        Request r = core().patch(io.kubeclient.apimachinery.meta.PatchType.STRATEGIC_MERGE);
        assertThat(r.verb()).isEqualTo("PATCH");
        assertThat(r.headers()).containsEntry("Content-Type", java.util.List.of("application/strategic-merge-patch+json"));
    }

    @Test
    void encodesFabric8ListOptionsAsQueryParameters() {
        io.fabric8.kubernetes.api.model.ListOptions opts = new io.fabric8.kubernetes.api.model.ListOptions();
        opts.setKind("ListOptions");
        opts.setApiVersion("v1");
        opts.setLabelSelector("app=web");
        opts.setLimit(500L);
        opts.setTimeoutSeconds(0L);
        opts.setSendInitialEvents(false);
        opts.setContinue("");
        assertThat(core().get().resource("pods").versionedParams(opts).url().getRawQuery())
                .isEqualTo("labelSelector=app%3Dweb&limit=500&sendInitialEvents=false&timeoutSeconds=0");
    }

    @Test
    void repeatsListValuedOptions() {
        io.fabric8.kubernetes.api.model.CreateOptions opts = new io.fabric8.kubernetes.api.model.CreateOptions();
        opts.setDryRun(java.util.List.of("All"));
        opts.setFieldManager("me");
        assertThat(core().post().resource("pods").versionedParams(opts).param("dryRun", "x").url().getRawQuery())
                .isEqualTo("dryRun=All&dryRun=x&fieldManager=me");
    }

    @Test
    void ignoresNullOptions() {
        assertThat(core().get().versionedParams(null).url().getRawQuery()).isNull();
    }

    @Test
    void rejectsNonObjectOptions() {
        assertThatThrownBy(() -> core().get().versionedParams("labelSelector=x").execute())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("unable to encode java.lang.String as query parameters: not an object");
    }

    @Test
    void sendsTimeoutInGoDurationFormat() {
        assertThat(core().get().timeout(Duration.ofSeconds(30)).url().getRawQuery()).isEqualTo("timeout=30s");
        assertThat(core().get().timeout(Duration.ofSeconds(90)).url().getRawQuery()).isEqualTo("timeout=1m30s");
        assertThat(core().get().timeout(Duration.ofMillis(500)).url().getRawQuery()).isEqualTo("timeout=500ms");
    }

    @Test
    void configTimeoutIsTheDefaultTimeoutParam() {
        RESTClient c = client(config().timeout(Duration.ofHours(1)).build());
        assertThat(c.get().url().getRawQuery()).isEqualTo("timeout=1h0m0s");
        assertThat(c.get().timeout(Duration.ZERO).url().getRawQuery()).isNull();
    }

    @Test
    void timeoutCannotBeSetAsParam() {
        assertThatThrownBy(() -> core().get().param("timeout", "1s").execute())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("must set timeout through the corresponding function, not directly.");
    }

    @Test
    void rejectsNameWithSlash() {
        assertThatThrownBy(() -> core().get().resource("pods").name("a/b").execute())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("invalid resource name \"a/b\": [may not contain '/']");
    }

    @Test
    void collectsEveryProblemOfAName() {
        assertThatThrownBy(() -> core().get().name("a/%b").execute())
                .hasMessage("invalid resource name \"a/%b\": [may not contain '/' may not contain '%']");
    }

    @Test
    void rejectsDotSegments() {
        assertThatThrownBy(() -> core().get().name("..").execute())
                .hasMessage("invalid resource name \"..\": [may not be '..']");
        assertThatThrownBy(() -> core().get().namespace(".").execute())
                .hasMessage("invalid namespace \".\": [may not be '.']");
    }

    @Test
    void rejectsEmptyName() {
        assertThatThrownBy(() -> core().get().name("").execute()).hasMessage("resource name may not be empty");
    }

    @Test
    void rejectsSecondName() {
        assertThatThrownBy(() -> core().get().name("a").name("b").execute())
                .hasMessage("resource name already set to \"a\", cannot change to \"b\"");
    }

    @Test
    void rejectsSecondNamespace() {
        assertThatThrownBy(() -> core().get().namespace("a").namespace("b").execute())
                .hasMessage("namespace already set to \"a\", cannot change to \"b\"");
    }

    @Test
    void rejectsSecondResource() {
        assertThatThrownBy(() -> core().get().resource("pods").resource("nodes").execute())
                .hasMessage("resource already set to \"pods\", cannot change to \"nodes\"");
    }

    @Test
    void rejectsResourceWithPercent() {
        assertThatThrownBy(() -> core().get().resource("po%64s").execute())
                .hasMessage("invalid resource \"po%64s\": [may not contain '%']");
    }

    @Test
    void rejectsInvalidAndRepeatedSubresource() {
        assertThatThrownBy(() -> core().get().subResource("a", "b/c").execute())
                .hasMessage("invalid subresource \"b/c\": [may not contain '/']");
        assertThatThrownBy(() -> core().get().subResource("status").subResource("scale").execute())
                .hasMessage("subresource already set to \"status\", cannot change to \"scale\"");
    }

    @Test
    void reportsFirstErrorOnly() {
        assertThatThrownBy(() -> core().get().name("").namespace("a").namespace("b").execute())
                .hasMessage("resource name may not be empty");
    }

    @Test
    void reportsBuilderErrorsFromEveryExecutionMethod() {
        assertThatThrownBy(() -> core().get().name("a/b").executeRaw()).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> core().get().name("a/b").stream()).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void rejectsCreateInEmptyNamespace() {
        assertThatThrownBy(() -> core().post().namespace("").resource("pods").execute())
                .hasMessage("an empty namespace may not be set during creation");
    }

    @Test
    void rejectsNamedGetInEmptyNamespace() {
        assertThatThrownBy(() -> core().get().namespace("").resource("pods").name("p").execute())
                .hasMessage("an empty namespace may not be set when a resource name is provided");
    }

    @Test
    void requiresGroupVersion() {
        assertThatThrownBy(() -> RESTClient.forConfigAndTransport(config().groupVersion(null).build(), NO_NETWORK))
                .isInstanceOf(ConfigException.class)
                .hasMessage("GroupVersion is required when initializing a RESTClient");
        assertThatThrownBy(() -> RESTClient.forConfig(config().groupVersion(null).build()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("GroupVersion is required when initializing a RESTClient");
    }

    @Test
    void defaultsRateLimiterToFiveQps() {
        assertThat(core().rateLimiter().qps()).isEqualTo(5.0f);
    }

    @Test
    void negativeQpsMeansNoLimiter() {
        assertThat(client(config().qps(-1).build()).rateLimiter()).isNull();
    }

    @Test
    void explicitRateLimiterWins() {
        RateLimiter mine = new RestTestSupport.CountingLimiter();
        assertThat(client(config().qps(-1).rateLimiter(mine).build()).rateLimiter()).isSameAs(mine);
    }

    @Test
    void usesConfiguredQps() {
        assertThat(client(config().qps(50).burst(100).build()).rateLimiter().qps()).isEqualTo(50f);
    }

    @Test
    void reportsApiVersion() {
        assertThat(core().apiVersion()).isEqualTo(GroupVersion.of("", "v1"));
    }
}
