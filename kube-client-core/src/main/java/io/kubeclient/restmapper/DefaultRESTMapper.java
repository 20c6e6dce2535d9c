package io.kubeclient.restmapper;

import io.kubeclient.KubeException;
import io.kubeclient.apimachinery.schema.GroupKind;
import io.kubeclient.apimachinery.schema.GroupResource;
import io.kubeclient.apimachinery.schema.GroupVersion;
import io.kubeclient.apimachinery.schema.GroupVersionKind;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link RESTMapper} over kinds registered with {@link #add} or {@link #addSpecific}, as client-go's
 * {@code meta.DefaultRESTMapper}. Results are ordered by the position of their group version in the
 * default group versions (unknown ones last), then by name.
 *
 * <p>Register everything before sharing an instance: registration is not synchronized, lookups on a
 * fully built mapper are safe from any thread.
 */
public final class DefaultRESTMapper implements RESTMapper {

    /** The version client-go uses for internal types; matching treats it as empty. */
    static final String API_VERSION_INTERNAL = "__internal";

    private final List<GroupVersion> defaultGroupVersions;
    private final Map<GroupVersionResource, GroupVersionKind> resourceToKind = new LinkedHashMap<>();
    private final Map<GroupVersionKind, GroupVersionResource> kindToPluralResource = new LinkedHashMap<>();
    private final Map<GroupVersionKind, RESTScope> kindToScope = new LinkedHashMap<>();
    private final Map<GroupVersionResource, GroupVersionResource> singularToPlural = new LinkedHashMap<>();
    private final Map<GroupVersionResource, GroupVersionResource> pluralToSingular = new LinkedHashMap<>();

    /**
     * @param defaultGroupVersions the group versions in preference order; {@link #restMapping} without
     *     versions searches those of the kind's group
     */
    public DefaultRESTMapper(List<GroupVersion> defaultGroupVersions) {
        this.defaultGroupVersions = List.copyOf(defaultGroupVersions);
    }

    /**
     * The plural and singular resource guessed from a kind.
     *
     * @param plural such as {@code apps/v1, Resource=deployments}
     * @param singular such as {@code apps/v1, Resource=deployment}
     */
    public record GuessedResource(GroupVersionResource plural, GroupVersionResource singular) {}

    /**
     * Guesses a kind's plural and singular resource names, exactly as client-go's
     * {@code UnsafeGuessKindToResource}: the singular is the lower-cased kind; a singular ending in
     * {@code endpoints} is its own plural; a trailing {@code s} takes {@code es}; a trailing {@code y}
     * becomes {@code ies} (even after a vowel: {@code Gateway} guesses {@code gatewaies}); anything else
     * takes {@code s}. An empty kind gives empty resources. Real names come from discovery; this is only
     * a fallback.
     */
    public static GuessedResource unsafeGuessKindToResource(GroupVersionKind kind) {
        String kindName = kind.kind();
        if (kindName.isEmpty()) {
            GroupVersionResource empty = new GroupVersionResource("", "", "");
            return new GuessedResource(empty, empty);
        }
        GroupVersion gv = kind.groupVersion();
        String singularName = kindName.toLowerCase(Locale.ROOT);
        GroupVersionResource singular = gv.withResource(singularName);
        if (singularName.endsWith("endpoints")) {
            return new GuessedResource(singular, singular);
        }
        char last = singularName.charAt(singularName.length() - 1);
        if (last == 's') {
            return new GuessedResource(gv.withResource(singularName + "es"), singular);
        }
        if (last == 'y') {
            return new GuessedResource(
                    gv.withResource(singularName.substring(0, singularName.length() - 1) + "ies"), singular);
        }
        return new GuessedResource(gv.withResource(singularName + "s"), singular);
    }

    /** Registers a kind with guessed plural and singular names (see {@link #unsafeGuessKindToResource}). */
    public void add(GroupVersionKind kind, RESTScope scope) {
        GuessedResource guessed = unsafeGuessKindToResource(kind);
        addSpecific(kind, guessed.plural(), guessed.singular(), scope);
    }

    /** Registers a kind with its plural and singular resource. */
    public void addSpecific(
            GroupVersionKind kind, GroupVersionResource plural, GroupVersionResource singular, RESTScope scope) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(plural, "plural");
        Objects.requireNonNull(singular, "singular");
        Objects.requireNonNull(scope, "scope");
        singularToPlural.put(singular, plural);
        pluralToSingular.put(plural, singular);
        resourceToKind.put(singular, kind);
        resourceToKind.put(plural, kind);
        kindToPluralResource.put(kind, plural);
        kindToScope.put(kind, scope);
    }

    private static GroupVersionResource coerce(GroupVersionResource r) {
        String version = API_VERSION_INTERNAL.equals(r.version()) ? "" : r.version();
        return new GroupVersionResource(r.group(), version, r.resource().toLowerCase(Locale.ROOT));
    }

    private static void requireResource(GroupVersionResource r) {
        if (r.resource().isEmpty()) {
            throw new IllegalArgumentException("a resource must be present, got: " + Names.gvr(r));
        }
    }

    @Override
    public List<GroupVersionResource> resourcesFor(GroupVersionResource input) {
        GroupVersionResource resource = coerce(input);
        requireResource(resource);
        boolean hasGroup = !resource.group().isEmpty();
        boolean hasVersion = !resource.version().isEmpty();
        Set<GroupVersionResource> ret = new LinkedHashSet<>();
        if (hasGroup && hasVersion) {
            for (Map.Entry<GroupVersionResource, GroupVersionResource> e : pluralToSingular.entrySet()) {
                if (e.getValue().equals(resource) || e.getKey().equals(resource)) {
                    ret.add(e.getKey());
                    break;
                }
            }
        } else if (hasGroup) {
            GroupResource requested = resource.groupResource();
            pluralToSingular.forEach((plural, singular) -> {
                if (singular.groupResource().equals(requested) || plural.groupResource().equals(requested)) {
                    ret.add(plural);
                }
            });
            if (ret.isEmpty()) {
                pluralToSingular.forEach((plural, singular) -> {
                    if (plural.group().startsWith(requested.group())
                            && (singular.resource().equals(requested.resource())
                                    || plural.resource().equals(requested.resource()))) {
                        ret.add(plural);
                    }
                });
            }
        } else {
            pluralToSingular.forEach((plural, singular) -> {
                boolean versionOk = !hasVersion || plural.version().equals(resource.version());
                if (versionOk && (singular.resource().equals(resource.resource())
                        || plural.resource().equals(resource.resource()))) {
                    ret.add(plural);
                }
            });
        }
        if (ret.isEmpty()) {
            throw new NoResourceMatchException(resource);
        }
        List<GroupVersionResource> sorted = new ArrayList<>(ret);
        sorted.sort(byPreference(GroupVersionResource::groupVersion, GroupVersionResource::resource));
        return sorted;
    }

    @Override
    public GroupVersionResource resourceFor(GroupVersionResource input) {
        List<GroupVersionResource> resources = resourcesFor(input);
        if (resources.size() == 1) {
            return resources.get(0);
        }
        throw new AmbiguousResourceException(input, resources, List.of());
    }

    @Override
    public List<GroupVersionKind> kindsFor(GroupVersionResource input) {
        GroupVersionResource resource = coerce(input);
        requireResource(resource);
        boolean hasGroup = !resource.group().isEmpty();
        boolean hasVersion = !resource.version().isEmpty();
        Set<GroupVersionKind> ret = new LinkedHashSet<>();
        if (hasGroup && hasVersion) {
            GroupVersionKind kind = resourceToKind.get(resource);
            if (kind != null) {
                ret.add(kind);
            }
        } else if (hasGroup) {
            GroupResource requested = resource.groupResource();
            resourceToKind.forEach((r, k) -> {
                if (r.groupResource().equals(requested)) {
                    ret.add(k);
                }
            });
            if (ret.isEmpty()) {
                resourceToKind.forEach((r, k) -> {
                    if (r.group().startsWith(requested.group()) && r.resource().equals(requested.resource())) {
                        ret.add(k);
                    }
                });
            }
        } else {
            resourceToKind.forEach((r, k) -> {
                if ((!hasVersion || r.version().equals(resource.version())) && r.resource().equals(resource.resource())) {
                    ret.add(k);
                }
            });
        }
        if (ret.isEmpty()) {
            throw new NoResourceMatchException(input);
        }
        List<GroupVersionKind> sorted = new ArrayList<>(ret);
        sorted.sort(byPreference(GroupVersionKind::groupVersion, GroupVersionKind::kind));
        return sorted;
    }

    @Override
    public GroupVersionKind kindFor(GroupVersionResource resource) {
        List<GroupVersionKind> kinds = kindsFor(resource);
        if (kinds.size() == 1) {
            return kinds.get(0);
        }
        throw new AmbiguousResourceException(resource, List.of(), kinds);
    }

    private <T> Comparator<T> byPreference(Function<T, GroupVersion> gv, Function<T, String> name) {
        Function<T, Integer> index = t -> {
            int i = defaultGroupVersions.indexOf(gv.apply(t));
            return i < 0 ? Integer.MAX_VALUE : i;
        };
        return Comparator.comparing(index)
                .thenComparing(t -> gv.apply(t).toString())
                .thenComparing(name);
    }

    @Override
    public RESTMapping restMapping(GroupKind groupKind, String... versions) {
        List<RESTMapping> mappings = restMappings(groupKind, versions);
        if (mappings.isEmpty()) {
            throw new NoKindMatchException(groupKind, List.of(versions));
        }
        return mappings.get(0);
    }

    @Override
    public List<RESTMapping> restMappings(GroupKind groupKind, String... versions) {
        List<GroupVersionKind> potential = new ArrayList<>();
        boolean hadVersion = false;
        for (String version : versions) {
            if (version.isEmpty() || API_VERSION_INTERNAL.equals(version)) {
                continue;
            }
            hadVersion = true;
            GroupVersionKind candidate = new GroupVersionKind(groupKind.group(), version, groupKind.kind());
            if (kindToPluralResource.containsKey(candidate)) {
                potential.add(candidate);
                break;
            }
        }
        if (!hadVersion) {
            for (GroupVersion gv : defaultGroupVersions) {
                if (gv.group().equals(groupKind.group())) {
                    potential.add(new GroupVersionKind(groupKind.group(), gv.version(), groupKind.kind()));
                }
            }
        }
        if (potential.isEmpty()) {
            throw new NoKindMatchException(groupKind, List.of(versions));
        }
        List<RESTMapping> mappings = new ArrayList<>();
        for (GroupVersionKind gvk : potential) {
            GroupVersionResource resource = kindToPluralResource.get(gvk);
            if (resource != null) {
                mappings.add(new RESTMapping(resource, gvk, kindToScope.get(gvk)));
            }
        }
        if (mappings.isEmpty()) {
            throw new NoResourceMatchException(new GroupVersionResource(groupKind.group(), "", groupKind.kind()));
        }
        return mappings;
    }

    @Override
    public String resourceSingularizer(String resource) {
        List<GroupVersionResource> resources = resourcesFor(new GroupVersionResource("", "", resource));
        GroupVersionResource singular = null;
        for (GroupVersionResource current : resources) {
            GroupVersionResource currentSingular = pluralToSingular.get(current);
            if (currentSingular == null) {
                continue;
            }
            if (singular == null) {
                singular = currentSingular;
            } else if (!currentSingular.resource().equals(singular.resource())) {
                throw new KubeException("multiple possible singular resources ("
                        + Names.list(resources, Names::gvr) + ") found for " + resource);
            }
        }
        if (singular == null) {
            throw new KubeException("no singular of resource " + resource + " has been defined");
        }
        return singular.resource();
    }

    @Override
    public String toString() {
        return "DefaultRESTMapper{kindToPluralResource=" + kindToPluralResource + "}";
    }
}
