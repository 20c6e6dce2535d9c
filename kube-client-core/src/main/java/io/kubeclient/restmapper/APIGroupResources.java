package io.kubeclient.restmapper;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A discovered group with its resources per version, the input of
 * {@link RESTMappers#newDiscoveryRESTMapper}.
 *
 * @param group the group as discovery lists it (name, versions, preferred version)
 * @param versionedResources each version's resources, keyed by version (such as {@code v1})
 */
public record APIGroupResources(APIGroup group, Map<String, List<APIResource>> versionedResources) {

    public APIGroupResources {
        Objects.requireNonNull(group, "group");
        Map<String, List<APIResource>> copy = new LinkedHashMap<>();
        versionedResources.forEach((v, rs) -> copy.put(v, List.copyOf(rs)));
        versionedResources = Collections.unmodifiableMap(copy);
    }
}
