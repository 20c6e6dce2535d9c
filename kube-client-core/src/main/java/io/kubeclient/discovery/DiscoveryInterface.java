package io.kubeclient.discovery;

import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResourceList;
import java.util.List;
import java.util.Map;

/**
 * Finds out which API groups, versions and resources a server supports, as client-go's
 * {@code discovery.DiscoveryInterface}.
 *
 * <p>Implementations provide the four raw lookups; the combined views have default implementations
 * built on them (as client-go's package-level helpers). Calls that tolerate partial failure throw
 * {@link GroupDiscoveryFailedException} carrying the partial results.
 */
public interface DiscoveryInterface {

    /** The supported groups, the core group (empty name) first when the server has one. */
    APIGroupList serverGroups();

    /**
     * The resources of one group version.
     *
     * @param groupVersion such as {@code v1} or {@code apps/v1}; not empty
     */
    APIResourceList serverResourcesForGroupVersion(String groupVersion);

    /**
     * All groups and every group version's resources.
     *
     * @throws GroupDiscoveryFailedException when some group versions failed; it carries the rest
     */
    default ServerGroupsAndResources serverGroupsAndResources() {
        return Discovery.serverGroupsAndResources(this);
    }

    /**
     * For each group and resource, the resource in its preferred version (see
     * {@link Discovery#preferredResources}).
     *
     * @throws GroupDiscoveryFailedException when some group versions failed; it carries the rest
     */
    default List<APIResourceList> serverPreferredResources() {
        return Discovery.serverPreferredResources(this);
    }

    /**
     * {@link #serverPreferredResources()} restricted to namespaced resources.
     *
     * @throws GroupDiscoveryFailedException when some group versions failed; it carries the rest
     */
    default List<APIResourceList> serverPreferredNamespacedResources() {
        return Discovery.serverPreferredNamespacedResources(this);
    }

    /** The server's {@code /version}. */
    VersionInfo serverVersion();

    /**
     * The OpenAPI v3 index from {@code /openapi/v3}: each path (such as {@code api/v1} or
     * {@code apis/apps/v1}) mapped to its server-relative schema URL (which carries a {@code hash}).
     */
    Map<String, String> openAPIV3Paths();

    /**
     * The raw OpenAPI v3 schema for one path of {@link #openAPIV3Paths()}.
     *
     * @param path such as {@code apis/apps/v1}
     * @param contentType {@code application/json} or the OpenAPI v3 protobuf media type
     */
    byte[] openAPIV3Schema(String path, String contentType);
}
