package io.kubeclient.discovery;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.kubeclient.KubeException;
import io.kubeclient.apimachinery.schema.GroupVersion;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Discovery of some group versions failed (or they were stale) while others succeeded, as client-go's
 * {@code ErrGroupDiscoveryFailed}. The exception carries the partial results, so callers that tolerate
 * missing groups (as {@code kubectl} does) can go on with them.
 */
public class GroupDiscoveryFailedException extends KubeException {

    private static final long serialVersionUID = 1L;

    private final transient Map<GroupVersion, RuntimeException> groups;
    private final transient List<APIGroup> partialGroups;
    private final transient List<APIResourceList> partialResources;

    /**
     * @param groups the failed group versions and why, not empty
     * @param partialGroups the groups that were discovered, empty when the call does not return groups
     * @param partialResources the resource lists that were discovered
     */
    public GroupDiscoveryFailedException(
            Map<GroupVersion, ? extends RuntimeException> groups,
            List<APIGroup> partialGroups,
            List<APIResourceList> partialResources) {
        super(message(groups));
        this.groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        this.partialGroups = List.copyOf(partialGroups);
        this.partialResources = List.copyOf(partialResources);
    }

    private static String message(Map<GroupVersion, ? extends RuntimeException> groups) {
        return "unable to retrieve the complete list of server APIs: "
                + groups.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue().getMessage())
                        .sorted()
                        .collect(Collectors.joining(", "));
    }

    /** The group versions that failed, with their errors. */
    public Map<GroupVersion, RuntimeException> groups() {
        return groups;
    }

    /** The groups discovered despite the failures (empty for calls that return only resources). */
    public List<APIGroup> partialGroups() {
        return partialGroups;
    }

    /** The resource lists discovered despite the failures. */
    public List<APIResourceList> partialResources() {
        return partialResources;
    }
}
