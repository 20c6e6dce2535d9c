package io.kubeclient.discovery;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.APIVersions;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.kubeclient.apimachinery.schema.GroupResource;
import io.kubeclient.apimachinery.schema.GroupVersion;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Discovery helpers that need no HTTP: the conversion of aggregated discovery to the legacy form,
 * the combined views every {@link DiscoveryInterface} offers, preferred-version selection and resource
 * filtering, as client-go's {@code discovery} package functions.
 */
public final class Discovery {

    private Discovery() {}

    // ---- aggregated -> legacy ----------------------------------------------------------------

    /**
     * Converts an aggregated discovery document to legacy groups and per-group-version resource lists,
     * as client-go's {@code SplitGroupsAndResources}. Stale versions are left out of their group and
     * reported as failed with a {@link StaleGroupVersionException}; a group's preferred version is its
     * first non-stale version; resources without a response kind are dropped (their subresources are
     * kept when they have one); subresources become {@code parent/sub} entries.
     */
    public static GroupsAndMaybeResources splitGroupsAndResources(APIGroupDiscoveryList aggregated) {
        List<APIGroup> groups = new ArrayList<>();
        Map<GroupVersion, APIResourceList> resources = new LinkedHashMap<>();
        Map<GroupVersion, RuntimeException> failed = new LinkedHashMap<>();
        for (APIGroupDiscovery aggGroup : aggregated.items()) {
            APIGroup group = new APIGroup();
            group.setName(aggGroup.name());
            List<GroupVersionForDiscovery> versions = new ArrayList<>();
            for (APIVersionDiscovery v : aggGroup.versions()) {
                GroupVersion gv = new GroupVersion(aggGroup.name(), v.version());
                if (v.freshness() == APIVersionDiscovery.Freshness.STALE) {
                    failed.put(gv, new StaleGroupVersionException(gv));
                    continue;
                }
                GroupVersionForDiscovery version = new GroupVersionForDiscovery(gv.toString(), v.version());
                versions.add(version);
                if (group.getPreferredVersion() == null) {
                    group.setPreferredVersion(version);
                }
                List<APIResource> converted = new ArrayList<>();
                for (APIResourceDiscovery r : v.resources()) {
                    if (hasKind(r.responseKind())) {
                        converted.add(convertResource(r));
                    }
                    for (APISubresourceDiscovery sub : r.subresources()) {
                        if (hasKind(sub.responseKind())) {
                            converted.add(convertSubresource(r, sub));
                        }
                    }
                }
                resources.put(gv, resourceList(gv.toString(), converted));
            }
            group.setVersions(versions);
            groups.add(group);
        }
        return new GroupsAndMaybeResources(groups, resources, failed);
    }

    private static boolean hasKind(DiscoveryGroupVersionKind kind) {
        return kind != null && !kind.isEmpty();
    }

    private static APIResource convertResource(APIResourceDiscovery in) {
        APIResource out = new APIResource();
        out.setName(in.resource());
        out.setSingularName(in.singularResource());
        out.setNamespaced(in.scope() == APIResourceDiscovery.Scope.NAMESPACED);
        out.setGroup(in.responseKind().group());
        out.setVersion(in.responseKind().version());
        out.setKind(in.responseKind().kind());
        out.setVerbs(new ArrayList<>(in.verbs()));
        out.setShortNames(new ArrayList<>(in.shortNames()));
        out.setCategories(new ArrayList<>(in.categories()));
        return out;
    }

    private static APIResource convertSubresource(APIResourceDiscovery parent, APISubresourceDiscovery in) {
        APIResource out = new APIResource();
        out.setName(parent.resource() + "/" + in.subresource());
        out.setSingularName(parent.singularResource());
        out.setNamespaced(parent.scope() == APIResourceDiscovery.Scope.NAMESPACED);
        out.setGroup(in.responseKind().group());
        out.setVersion(in.responseKind().version());
        out.setKind(in.responseKind().kind());
        out.setVerbs(new ArrayList<>(in.verbs()));
        return out;
    }

    /** The legacy {@code /api} answer as a group: versions listed, the first preferred, empty name. */
    static APIGroup apiVersionsToAPIGroup(APIVersions apiVersions) {
        APIGroup group = new APIGroup();
        group.setName("");
        List<GroupVersionForDiscovery> versions = new ArrayList<>();
        for (String v : apiVersions.getVersions()) {
            versions.add(new GroupVersionForDiscovery(v, v));
        }
        group.setVersions(versions);
        if (!versions.isEmpty()) {
            group.setPreferredVersion(versions.get(0));
        }
        return group;
    }

    static APIResourceList resourceList(String groupVersion, List<APIResource> resources) {
        APIResourceList list = new APIResourceList();
        list.setGroupVersion(groupVersion);
        list.setResources(resources);
        return list;
    }

    // ---- combined views ----------------------------------------------------------------------

    /**
     * All groups and resources of {@code discovery}, fetching group versions one after another when
     * the server did not answer in aggregated form. See {@link #serverGroupsAndResources(DiscoveryInterface,
     * Executor)}.
     */
    public static ServerGroupsAndResources serverGroupsAndResources(DiscoveryInterface discovery) {
        return serverGroupsAndResources(discovery, Runnable::run);
    }

    /**
     * All groups and resources of {@code discovery}, as client-go's {@code ServerGroupsAndResources}:
     * from one aggregated answer when the client supports it and the server sent one, otherwise by
     * fetching every listed group version on {@code executor}. Results are in group then version order.
     *
     * @throws GroupDiscoveryFailedException when some group versions failed; it carries the rest
     */
    public static ServerGroupsAndResources serverGroupsAndResources(DiscoveryInterface discovery, Executor executor) {
        GroupsAndMaybeResources found = groupsAndMaybeResources(discovery);
        Map<GroupVersion, APIResourceList> resources = found.resources();
        Map<GroupVersion, RuntimeException> failed = new LinkedHashMap<>(found.failed());
        if (resources == null) {
            resources = new LinkedHashMap<>();
            failed = new LinkedHashMap<>();
            fetchGroupVersionResources(discovery, found.groups(), executor, resources, failed);
        }
        List<APIResourceList> result = new ArrayList<>();
        if (found.hasResources()) {
            result.addAll(resources.values());
        } else {
            for (APIGroup group : found.groups()) {
                for (GroupVersionForDiscovery v : versions(group)) {
                    APIResourceList list = resources.get(new GroupVersion(name(group), v.getVersion()));
                    if (list != null) {
                        result.add(list);
                    }
                }
            }
        }
        if (!failed.isEmpty()) {
            throw new GroupDiscoveryFailedException(failed, found.groups(), result);
        }
        return new ServerGroupsAndResources(found.groups(), result);
    }

    /**
     * The preferred resources of {@code discovery} (see {@link #preferredResources}), fetching group
     * versions one after another when the server did not answer in aggregated form.
     *
     * @throws GroupDiscoveryFailedException when some group versions failed; it carries the rest
     */
    public static List<APIResourceList> serverPreferredResources(DiscoveryInterface discovery) {
        return serverPreferredResources(discovery, Runnable::run);
    }

    /**
     * As {@link #serverPreferredResources(DiscoveryInterface)}, fetching group versions on
     * {@code executor}.
     */
    public static List<APIResourceList> serverPreferredResources(DiscoveryInterface discovery, Executor executor) {
        GroupsAndMaybeResources found = groupsAndMaybeResources(discovery);
        Map<GroupVersion, APIResourceList> resources = found.resources();
        Map<GroupVersion, RuntimeException> failed = found.failed();
        if (resources == null) {
            resources = new LinkedHashMap<>();
            failed = new LinkedHashMap<>();
            fetchGroupVersionResources(discovery, found.groups(), executor, resources, failed);
        }
        List<APIResourceList> result = preferredResources(found.groups(), resources);
        if (!failed.isEmpty()) {
            throw new GroupDiscoveryFailedException(failed, List.of(), result);
        }
        return result;
    }

    /**
     * {@link #serverPreferredResources(DiscoveryInterface)} restricted to namespaced resources; lists
     * left empty are dropped.
     *
     * @throws GroupDiscoveryFailedException when some group versions failed; it carries the rest
     */
    public static List<APIResourceList> serverPreferredNamespacedResources(DiscoveryInterface discovery) {
        ResourcePredicate namespaced = (gv, r) -> Boolean.TRUE.equals(r.getNamespaced());
        try {
            return filteredBy(namespaced, discovery.serverPreferredResources());
        } catch (GroupDiscoveryFailedException e) {
            throw new GroupDiscoveryFailedException(
                    e.groups(), List.of(), filteredBy(namespaced, e.partialResources()));
        }
    }

    private static GroupsAndMaybeResources groupsAndMaybeResources(DiscoveryInterface discovery) {
        if (discovery instanceof AggregatedDiscoveryInterface aggregated) {
            return aggregated.groupsAndMaybeResources();
        }
        return new GroupsAndMaybeResources(discovery.serverGroups().getGroups(), null, null);
    }

    private static void fetchGroupVersionResources(
            DiscoveryInterface discovery,
            List<APIGroup> groups,
            Executor executor,
            Map<GroupVersion, APIResourceList> resources,
            Map<GroupVersion, RuntimeException> failed) {
        Map<GroupVersion, CompletableFuture<APIResourceList>> futures = new LinkedHashMap<>();
        for (APIGroup group : groups) {
            for (GroupVersionForDiscovery v : versions(group)) {
                GroupVersion gv = new GroupVersion(name(group), v.getVersion());
                futures.put(gv, CompletableFuture.supplyAsync(
                        () -> discovery.serverResourcesForGroupVersion(gv.toString()), executor));
            }
        }
        futures.forEach((gv, future) -> {
            try {
                APIResourceList list = future.join();
                if (list != null) {
                    resources.put(gv, list);
                }
            } catch (CompletionException e) {
                if (!(e.getCause() instanceof RuntimeException cause)) {
                    throw e;
                }
                failed.put(gv, cause);
                if (cause instanceof EmptyDiscoveryResponseException empty && empty.resourceList() != null) {
                    resources.put(gv, empty.resourceList());
                }
            }
        });
    }

    // ---- pure helpers ------------------------------------------------------------------------

    /**
     * The preferred version of a group: its {@code preferredVersion}, else its first listed version.
     */
    public static Optional<GroupVersion> preferredVersion(APIGroup group) {
        GroupVersionForDiscovery preferred = group.getPreferredVersion();
        if (preferred != null && preferred.getVersion() != null && !preferred.getVersion().isEmpty()) {
            return Optional.of(new GroupVersion(name(group), preferred.getVersion()));
        }
        return versions(group).stream().findFirst().map(v -> new GroupVersion(name(group), v.getVersion()));
    }

    /**
     * For each group and resource, the resource in one version, as client-go's
     * {@code ServerPreferredResources}: groups and versions are walked in listed order, subresources
     * ({@code a/b}) skipped, and a resource is taken from the first version that has it unless the
     * group's preferred version has it too. So a resource served only by a non-preferred version is
     * still included. One list is returned per group version that had resources, in listed order, even
     * when nothing was selected from it.
     *
     * @param groups the groups in server order
     * @param resourcesByGroupVersion each group version's resources
     */
    public static List<APIResourceList> preferredResources(
            List<APIGroup> groups, Map<GroupVersion, APIResourceList> resourcesByGroupVersion) {
        record Selected(GroupVersion gv, APIResource resource) {}
        List<APIResourceList> result = new ArrayList<>();
        Map<GroupVersion, List<APIResource>> listsByGv = new LinkedHashMap<>();
        Map<GroupResource, Selected> selected = new LinkedHashMap<>();
        for (APIGroup group : groups) {
            String preferred = group.getPreferredVersion() == null ? null : group.getPreferredVersion().getVersion();
            for (GroupVersionForDiscovery v : versions(group)) {
                GroupVersion gv = new GroupVersion(name(group), v.getVersion());
                APIResourceList list = resourcesByGroupVersion.get(gv);
                if (list == null) {
                    continue;
                }
                List<APIResource> selectedHere = new ArrayList<>();
                listsByGv.put(gv, selectedHere);
                result.add(resourceList(v.getGroupVersion(), selectedHere));
                for (APIResource r : list.getResources()) {
                    if (r.getName() == null || r.getName().contains("/")) {
                        continue;
                    }
                    GroupResource gr = new GroupResource(name(group), r.getName());
                    if (selected.containsKey(gr) && !v.getVersion().equals(preferred)) {
                        continue;
                    }
                    selected.put(gr, new Selected(gv, r));
                }
            }
        }
        selected.values().forEach(s -> listsByGv.get(s.gv()).add(s.resource()));
        return result;
    }

    /**
     * The resources of {@code lists} that {@code predicate} accepts, as client-go's {@code FilteredBy}.
     * Lists left without resources are dropped.
     */
    public static List<APIResourceList> filteredBy(ResourcePredicate predicate, List<APIResourceList> lists) {
        List<APIResourceList> result = new ArrayList<>();
        for (APIResourceList list : lists) {
            List<APIResource> kept = new ArrayList<>();
            for (APIResource r : list.getResources()) {
                if (predicate.test(list.getGroupVersion(), r)) {
                    kept.add(r);
                }
            }
            if (!kept.isEmpty()) {
                APIResourceList filtered = resourceList(list.getGroupVersion(), kept);
                filtered.setApiVersion(list.getApiVersion());
                filtered.setKind(list.getKind());
                result.add(filtered);
            }
        }
        return result;
    }

    /** A predicate accepting resources that support every one of {@code verbs}, as client-go's {@code SupportsAllVerbs}. */
    public static ResourcePredicate supportsAllVerbs(String... verbs) {
        List<String> required = List.copyOf(Arrays.asList(verbs));
        return (gv, r) -> r.getVerbs() != null && new HashSet<>(r.getVerbs()).containsAll(required);
    }

    /**
     * Every group version resource named in {@code lists}, in order.
     *
     * @throws IllegalArgumentException when a list's group version cannot be parsed
     */
    public static Set<GroupVersionResource> groupVersionResources(List<APIResourceList> lists) {
        Set<GroupVersionResource> result = new LinkedHashSet<>();
        for (APIResourceList list : lists) {
            GroupVersion gv = GroupVersion.parse(Objects.requireNonNullElse(list.getGroupVersion(), ""));
            for (APIResource r : list.getResources()) {
                result.add(gv.withResource(r.getName()));
            }
        }
        return result;
    }

    /**
     * Whether {@code error}, or one of its causes, is a {@link GroupDiscoveryFailedException}.
     */
    public static boolean isGroupDiscoveryFailedError(Throwable error) {
        return findGroupDiscoveryFailed(error).isPresent();
    }

    /** The failed group versions of a {@link GroupDiscoveryFailedException} in {@code error}'s cause chain. */
    public static Optional<Map<GroupVersion, RuntimeException>> groupDiscoveryFailedErrorGroups(Throwable error) {
        return findGroupDiscoveryFailed(error).map(GroupDiscoveryFailedException::groups);
    }

    private static Optional<GroupDiscoveryFailedException> findGroupDiscoveryFailed(Throwable error) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof GroupDiscoveryFailedException e) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    static String name(APIGroup group) {
        return group.getName() == null ? "" : group.getName();
    }

    static List<GroupVersionForDiscovery> versions(APIGroup group) {
        return group.getVersions() == null ? List.of() : group.getVersions();
    }
}
