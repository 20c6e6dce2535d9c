package io.kubeclient.restmapper;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.kubeclient.apimachinery.schema.GroupResource;
import io.kubeclient.apimachinery.schema.GroupVersion;
import io.kubeclient.discovery.DiscoveryInterface;
import io.kubeclient.discovery.GroupDiscoveryFailedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Expands a category such as {@code all} into the resources it names, as client-go's
 * {@code restmapper.CategoryExpander}.
 */
@FunctionalInterface
public interface CategoryExpander {

    /** The resources in {@code category}, or empty when the category is unknown. */
    Optional<List<GroupResource>> expand(String category);

    /** An expander over a fixed table. */
    static CategoryExpander simple(Map<String, List<GroupResource>> expansions) {
        Map<String, List<GroupResource>> copy = new LinkedHashMap<>();
        expansions.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return category -> Optional.ofNullable(copy.get(category));
    }

    /**
     * An expander reading {@code categories} from discovery on every call. Resources are listed in
     * discovery order, each group resource once even when several versions serve it; partial discovery
     * results are used.
     */
    static CategoryExpander fromDiscovery(DiscoveryInterface discovery) {
        Objects.requireNonNull(discovery, "discovery");
        return category -> {
            List<APIResourceList> lists;
            try {
                lists = discovery.serverGroupsAndResources().resources();
            } catch (GroupDiscoveryFailedException e) {
                lists = e.partialResources();
            }
            Set<GroupResource> found = new LinkedHashSet<>();
            for (APIResourceList list : lists) {
                GroupVersion gv;
                try {
                    gv = GroupVersion.parse(list.getGroupVersion() == null ? "" : list.getGroupVersion());
                } catch (IllegalArgumentException e) {
                    continue;
                }
                for (APIResource r : list.getResources()) {
                    if (r.getCategories() != null && r.getCategories().contains(category)) {
                        found.add(new GroupResource(gv.group(), r.getName()));
                    }
                }
            }
            return found.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(found));
        };
    }

    /** The union of several expanders: resources de-duplicated in order, known if any member knows it. */
    static CategoryExpander union(List<CategoryExpander> expanders) {
        List<CategoryExpander> members = List.copyOf(expanders);
        return category -> {
            Set<GroupResource> all = new LinkedHashSet<>();
            boolean known = false;
            for (CategoryExpander e : members) {
                Optional<List<GroupResource>> r = e.expand(category);
                if (r.isPresent()) {
                    known = true;
                    all.addAll(r.get());
                }
            }
            return known ? Optional.of(new ArrayList<>(all)) : Optional.empty();
        };
    }
}
