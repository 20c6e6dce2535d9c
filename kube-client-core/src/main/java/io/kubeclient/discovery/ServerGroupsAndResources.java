package io.kubeclient.discovery;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResourceList;
import java.util.List;

/**
 * The result of {@link DiscoveryInterface#serverGroupsAndResources()}.
 *
 * @param groups the groups in server order
 * @param resources the resource lists, in group then version order
 */
public record ServerGroupsAndResources(List<APIGroup> groups, List<APIResourceList> resources) {

    public ServerGroupsAndResources {
        groups = List.copyOf(groups);
        resources = List.copyOf(resources);
    }
}
