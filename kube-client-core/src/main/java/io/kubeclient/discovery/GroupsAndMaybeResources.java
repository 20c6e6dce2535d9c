package io.kubeclient.discovery;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.kubeclient.apimachinery.schema.GroupVersion;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one round of group discovery returned: the groups, and, when the server answered in aggregated
 * form, every group version's resources and the group versions that failed (for example because they
 * were stale).
 *
 * @param groups the groups in server order (the core group first when present)
 * @param resources the resources per group version in group then version order, or {@code null} when
 *     the server answered in legacy form and resources must be fetched per group version
 * @param failed the group versions that failed, with why; never {@code null}
 */
public record GroupsAndMaybeResources(
        List<APIGroup> groups,
        Map<GroupVersion, APIResourceList> resources,
        Map<GroupVersion, RuntimeException> failed) {

    public GroupsAndMaybeResources {
        groups = List.copyOf(groups);
        resources = resources == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(resources));
        failed = failed == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(failed));
    }

    /** Whether this result includes resources (the server used aggregated discovery). */
    public boolean hasResources() {
        return resources != null;
    }
}
