package io.kubeclient.restmapper;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.kubeclient.apimachinery.schema.GroupVersion;
import io.kubeclient.apimachinery.schema.GroupVersionKind;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import io.kubeclient.discovery.DiscoveryInterface;
import io.kubeclient.discovery.GroupDiscoveryFailedException;
import io.kubeclient.discovery.ServerGroupsAndResources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Factories and predicates for {@link RESTMapper}s, as client-go's {@code restmapper} and {@code meta} functions. */
public final class RESTMappers {

    private RESTMappers() {}

    /** Whether {@code error} or one of its causes is a {@link NoResourceMatchException} or {@link NoKindMatchException}. */
    public static boolean isNoMatchError(Throwable error) {
        return inCauseChain(error, NoResourceMatchException.class) || inCauseChain(error, NoKindMatchException.class);
    }

    /** Whether {@code error} or one of its causes is an {@link AmbiguousResourceException} or {@link AmbiguousKindException}. */
    public static boolean isAmbiguousError(Throwable error) {
        return inCauseChain(error, AmbiguousResourceException.class) || inCauseChain(error, AmbiguousKindException.class);
    }

    private static boolean inCauseChain(Throwable error, Class<? extends Throwable> type) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Calls {@link ResettableRESTMapper#reset()} when {@code mapper} is resettable. */
    public static void maybeReset(RESTMapper mapper) {
        if (mapper instanceof ResettableRESTMapper resettable) {
            resettable.reset();
        }
    }

    /**
     * Collects each discovered group with its resources per version, as client-go's
     * {@code GetAPIGroupResources}. Partial discovery failures are tolerated: the groups that were
     * found are returned.
     */
    public static List<APIGroupResources> getAPIGroupResources(DiscoveryInterface discovery) {
        ServerGroupsAndResources found;
        try {
            found = discovery.serverGroupsAndResources();
        } catch (GroupDiscoveryFailedException e) {
            found = new ServerGroupsAndResources(e.partialGroups(), e.partialResources());
        }
        Map<String, APIResourceList> byGroupVersion = new HashMap<>();
        for (APIResourceList list : found.resources()) {
            byGroupVersion.put(list.getGroupVersion(), list);
        }
        List<APIGroupResources> result = new ArrayList<>();
        for (APIGroup group : found.groups()) {
            Map<String, List<APIResource>> versioned = new LinkedHashMap<>();
            for (GroupVersionForDiscovery v : versions(group)) {
                APIResourceList list = byGroupVersion.get(v.getGroupVersion());
                if (list != null) {
                    versioned.put(v.getVersion(), list.getResources());
                }
            }
            result.add(new APIGroupResources(group, versioned));
        }
        return result;
    }

    /**
     * A mapper over discovered groups, as client-go's {@code NewDiscoveryRESTMapper}: one
     * {@link DefaultRESTMapper} per group version (subresources skipped; each kind also registered
     * lower-cased, plus {@code <Kind>List} and {@code List}), combined in a {@link MultiRESTMapper} and
     * ordered by a {@link PriorityRESTMapper}: core {@code v1} first, then per group in discovery order
     * its preferred version followed by its other versions, then any version of each group in order.
     */
    public static RESTMapper newDiscoveryRESTMapper(List<APIGroupResources> groupResources) {
        List<RESTMapper> mappers = new ArrayList<>();
        List<String> groupPriority = new ArrayList<>();
        List<GroupVersionResource> resourcePriority = new ArrayList<>();
        List<GroupVersionKind> kindPriority = new ArrayList<>();
        String any = PriorityRESTMapper.ANY;
        resourcePriority.add(new GroupVersionResource("", "v1", any));
        kindPriority.add(new GroupVersionKind("", "v1", any));

        for (APIGroupResources group : groupResources) {
            String groupName = group.group().getName() == null ? "" : group.group().getName();
            groupPriority.add(groupName);
            GroupVersionForDiscovery preferredVersion = group.group().getPreferredVersion();
            String preferred = preferredVersion == null || preferredVersion.getVersion() == null
                    ? "" : preferredVersion.getVersion();
            if (!preferred.isEmpty() && group.versionedResources().containsKey(preferred)) {
                resourcePriority.add(new GroupVersionResource(groupName, preferred, any));
                kindPriority.add(new GroupVersionKind(groupName, preferred, any));
            }
            for (GroupVersionForDiscovery discoveryVersion : versions(group.group())) {
                List<APIResource> resources = group.versionedResources().get(discoveryVersion.getVersion());
                if (resources == null) {
                    continue;
                }
                if (!discoveryVersion.getVersion().equals(preferred)) {
                    resourcePriority.add(new GroupVersionResource(groupName, discoveryVersion.getVersion(), any));
                    kindPriority.add(new GroupVersionKind(groupName, discoveryVersion.getVersion(), any));
                }
                GroupVersion gv = new GroupVersion(groupName, discoveryVersion.getVersion());
                DefaultRESTMapper versionMapper = new DefaultRESTMapper(List.of(gv));
                for (APIResource resource : resources) {
                    if (resource.getName() == null || resource.getName().contains("/")) {
                        continue;
                    }
                    RESTScope scope = Boolean.TRUE.equals(resource.getNamespaced()) ? RESTScope.NAMESPACE : RESTScope.ROOT;
                    String kind = resource.getKind() == null ? "" : resource.getKind();
                    GroupVersionResource plural = gv.withResource(resource.getName());
                    GroupVersionResource singular = resource.getSingularName() == null || resource.getSingularName().isEmpty()
                            ? DefaultRESTMapper.unsafeGuessKindToResource(gv.withKind(kind)).singular()
                            : gv.withResource(resource.getSingularName());
                    versionMapper.addSpecific(gv.withKind(kind.toLowerCase(Locale.ROOT)), plural, singular, scope);
                    versionMapper.addSpecific(gv.withKind(kind), plural, singular, scope);
                    versionMapper.add(gv.withKind(kind + "List"), scope);
                }
                versionMapper.add(gv.withKind("List"), RESTScope.ROOT);
                mappers.add(versionMapper);
            }
        }
        for (String group : groupPriority) {
            resourcePriority.add(new GroupVersionResource(group, any, any));
            kindPriority.add(new GroupVersionKind(group, any, any));
        }
        return new PriorityRESTMapper(new MultiRESTMapper(mappers), resourcePriority, kindPriority);
    }

    private static List<GroupVersionForDiscovery> versions(APIGroup group) {
        return group.getVersions() == null ? List.of() : group.getVersions();
    }
}
