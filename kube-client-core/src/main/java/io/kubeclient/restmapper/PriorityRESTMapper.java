package io.kubeclient.restmapper;

import io.kubeclient.apimachinery.schema.GroupKind;
import io.kubeclient.apimachinery.schema.GroupVersionKind;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * Resolves ambiguity in a delegate by priority patterns, as client-go's {@code meta.PriorityRESTMapper}.
 *
 * <p>{@link #resourceFor}, {@link #kindFor} and {@link #restMapping} take all candidates from the
 * delegate and walk the patterns in order: a pattern matching none is skipped, one matching a single
 * candidate picks it, one matching several narrows the candidates to those. Components equal to
 * {@link #ANY} match anything. Versions passed to {@code restMapping} become the first patterns. The
 * other methods delegate unchanged.
 */
public final class PriorityRESTMapper implements ResettableRESTMapper {

    /** The wildcard for any group, version, resource or kind. */
    public static final String ANY = "*";

    private final RESTMapper delegate;
    private final List<GroupVersionResource> resourcePriority;
    private final List<GroupVersionKind> kindPriority;

    /**
     * @param delegate the mapper supplying candidates
     * @param resourcePriority patterns for {@link #resourceFor}, highest priority first
     * @param kindPriority patterns for {@link #kindFor} and {@link #restMapping}, highest priority first
     */
    public PriorityRESTMapper(
            RESTMapper delegate, List<GroupVersionResource> resourcePriority, List<GroupVersionKind> kindPriority) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.resourcePriority = List.copyOf(resourcePriority);
        this.kindPriority = List.copyOf(kindPriority);
    }

    static boolean resourceMatches(GroupVersionResource pattern, GroupVersionResource r) {
        return (pattern.group().equals(ANY) || pattern.group().equals(r.group()))
                && (pattern.version().equals(ANY) || pattern.version().equals(r.version()))
                && (pattern.resource().equals(ANY) || pattern.resource().equals(r.resource()));
    }

    static boolean kindMatches(GroupVersionKind pattern, GroupVersionKind k) {
        return (pattern.group().equals(ANY) || pattern.group().equals(k.group()))
                && (pattern.version().equals(ANY) || pattern.version().equals(k.version()))
                && (pattern.kind().equals(ANY) || pattern.kind().equals(k.kind()));
    }

    /** The single candidate the patterns select, or {@code null} when still ambiguous. */
    private static <T, P> T select(List<T> candidates, List<P> patterns, BiPredicate<P, T> matches) {
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        List<T> remaining = candidates;
        for (P pattern : patterns) {
            List<T> matched = new ArrayList<>();
            for (T t : remaining) {
                if (matches.test(pattern, t)) {
                    matched.add(t);
                }
            }
            if (matched.size() == 1) {
                return matched.get(0);
            }
            if (matched.size() > 1) {
                remaining = matched;
            }
        }
        return remaining.size() == 1 ? remaining.get(0) : null;
    }

    @Override
    public GroupVersionResource resourceFor(GroupVersionResource input) {
        List<GroupVersionResource> candidates = delegate.resourcesFor(input);
        GroupVersionResource chosen = select(candidates, resourcePriority, PriorityRESTMapper::resourceMatches);
        if (chosen == null) {
            throw new AmbiguousResourceException(input, candidates, List.of());
        }
        return chosen;
    }

    @Override
    public GroupVersionKind kindFor(GroupVersionResource resource) {
        List<GroupVersionKind> candidates = delegate.kindsFor(resource);
        GroupVersionKind chosen = select(candidates, kindPriority, PriorityRESTMapper::kindMatches);
        if (chosen == null) {
            throw new AmbiguousResourceException(resource, List.of(), candidates);
        }
        return chosen;
    }

    @Override
    public RESTMapping restMapping(GroupKind groupKind, String... versions) {
        List<RESTMapping> mappings = delegate.restMappings(groupKind, versions);
        List<GroupVersionKind> priorities = kindPriority;
        if (versions.length > 0) {
            priorities = new ArrayList<>();
            for (String version : versions) {
                priorities.add(new GroupVersionKind(groupKind.group(), version, ANY));
            }
            priorities.addAll(kindPriority);
        }
        RESTMapping chosen = select(mappings, priorities, (p, m) -> kindMatches(p, m.groupVersionKind()));
        if (chosen == null) {
            throw new AmbiguousKindException(
                    new GroupVersionKind(groupKind.group(), "", groupKind.kind()),
                    List.of(),
                    mappings.stream().map(RESTMapping::groupVersionKind).toList());
        }
        return chosen;
    }

    @Override
    public List<RESTMapping> restMappings(GroupKind groupKind, String... versions) {
        return delegate.restMappings(groupKind, versions);
    }

    @Override
    public List<GroupVersionResource> resourcesFor(GroupVersionResource input) {
        return delegate.resourcesFor(input);
    }

    @Override
    public List<GroupVersionKind> kindsFor(GroupVersionResource resource) {
        return delegate.kindsFor(resource);
    }

    @Override
    public String resourceSingularizer(String resource) {
        return delegate.resourceSingularizer(resource);
    }

    @Override
    public void reset() {
        RESTMappers.maybeReset(delegate);
    }

    @Override
    public String toString() {
        return "PriorityRESTMapper{" + resourcePriority + ", " + kindPriority + ", " + delegate + "}";
    }
}
