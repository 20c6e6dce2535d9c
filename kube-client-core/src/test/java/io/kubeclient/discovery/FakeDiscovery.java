package io.kubeclient.discovery;

import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResourceList;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A discovery delegate serving the hand-written documents under {@code io/kubeclient/discovery/},
 * counting calls. Its documents can be swapped to simulate a server that changes (a new CRD).
 */
public final class FakeDiscovery implements AggregatedDiscoveryInterface {

    public final AtomicInteger groupCalls = new AtomicInteger();
    public final AtomicInteger resourceCalls = new AtomicInteger();
    public final AtomicInteger versionCalls = new AtomicInteger();
    public final AtomicInteger openAPICalls = new AtomicInteger();
    public final Map<String, RuntimeException> failures = new ConcurrentHashMap<>();

    private volatile GroupsAndMaybeResources groups;
    private volatile Map<String, String> legacyFiles = Map.of();

    private FakeDiscovery() {}

    public static byte[] read(String name) {
        try (InputStream in = FakeDiscovery.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server answering {@code /api} and {@code /apis} with the given aggregated documents. */
    public static FakeDiscovery aggregated(String api, String apis) {
        FakeDiscovery fake = new FakeDiscovery();
        fake.serveAggregated(api, apis);
        return fake;
    }

    /** A server without aggregated discovery: legacy group documents plus one document per group version. */
    public static FakeDiscovery legacy(Map<String, String> groupVersionFiles) {
        FakeDiscovery fake = new FakeDiscovery();
        fake.serveLegacy("legacy-api.json", "legacy-apis.json", groupVersionFiles);
        return fake;
    }

    public void serveAggregated(String api, String apis) {
        String ct = DiscoveryDocuments.ACCEPT_V2;
        groups = DiscoveryDocuments.merge(
                DiscoveryDocuments.decodeGroups("/api", ct, read(api), true),
                DiscoveryDocuments.decodeGroups("/apis", ct, read(apis), false));
    }

    public void serveLegacy(String api, String apis, Map<String, String> groupVersionFiles) {
        String ct = "application/json";
        groups = DiscoveryDocuments.merge(
                DiscoveryDocuments.decodeGroups("/api", ct, read(api), true),
                DiscoveryDocuments.decodeGroups("/apis", ct, read(apis), false));
        legacyFiles = Map.copyOf(groupVersionFiles);
    }

    @Override
    public GroupsAndMaybeResources groupsAndMaybeResources() {
        groupCalls.incrementAndGet();
        return groups;
    }

    @Override
    public APIGroupList serverGroups() {
        APIGroupList list = new APIGroupList();
        list.setGroups(new ArrayList<>(groupsAndMaybeResources().groups()));
        return list;
    }

    @Override
    public APIResourceList serverResourcesForGroupVersion(String groupVersion) {
        resourceCalls.incrementAndGet();
        RuntimeException failure = failures.get(groupVersion);
        if (failure != null) {
            throw failure;
        }
        String file = legacyFiles.get(groupVersion);
        if (file == null) {
            throw new io.kubeclient.KubeException("the server could not find the requested resource: " + groupVersion);
        }
        return DiscoveryDocuments.parseResourceList("/apis/" + groupVersion, read(file), groupVersion);
    }

    @Override
    public VersionInfo serverVersion() {
        versionCalls.incrementAndGet();
        return DiscoveryDocuments.parseVersion("/version", "{\"major\":\"1\",\"minor\":\"34\",\"gitVersion\":\"v1.34.1\"}".getBytes());
    }

    @Override
    public Map<String, String> openAPIV3Paths() {
        openAPICalls.incrementAndGet();
        return Map.of("api/v1", "/openapi/v3/api/v1?hash=ABC");
    }

    @Override
    public byte[] openAPIV3Schema(String path, String contentType) {
        openAPICalls.incrementAndGet();
        return ("{\"path\":\"" + path + "\"}").getBytes();
    }

    /** This fake seen through the plain {@link DiscoveryInterface} only (no aggregated shortcut). */
    public DiscoveryInterface plain() {
        FakeDiscovery self = this;
        return new DiscoveryInterface() {
            @Override
            public APIGroupList serverGroups() {
                return self.serverGroups();
            }

            @Override
            public APIResourceList serverResourcesForGroupVersion(String groupVersion) {
                return self.serverResourcesForGroupVersion(groupVersion);
            }

            @Override
            public VersionInfo serverVersion() {
                return self.serverVersion();
            }

            @Override
            public Map<String, String> openAPIV3Paths() {
                return self.openAPIV3Paths();
            }

            @Override
            public byte[] openAPIV3Schema(String path, String contentType) {
                return self.openAPIV3Schema(path, contentType);
            }
        };
    }

    public static Map<String, String> legacyFiles() {
        return Map.of(
                "v1", "legacy-v1.json",
                "apps/v1", "legacy-apps-v1.json",
                "example.com/v1", "legacy-example-v1.json",
                "example.com/v2", "legacy-example-v2.json",
                "metrics.example.io/v1beta1", "legacy-metrics-v1beta1.json");
    }
}
