package io.kubeclient.restmapper;

import io.kubeclient.apimachinery.schema.GroupKind;
import io.kubeclient.apimachinery.schema.GroupVersionKind;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The union of several mappers, as client-go's {@code meta.MultiRESTMapper}: members' no-match errors
 * are ignored, other errors are raised, results are de-duplicated in member order, and nothing found is
 * a no-match error.
 */
public final class MultiRESTMapper implements ResettableRESTMapper {

    private final List<RESTMapper> mappers;

    public MultiRESTMapper(List<? extends RESTMapper> mappers) {
        this.mappers = List.copyOf(mappers);
    }

    private <T> List<T> union(Function<RESTMapper, List<T>> lookup) {
        Set<T> all = new LinkedHashSet<>();
        for (RESTMapper m : mappers) {
            try {
                all.addAll(lookup.apply(m));
            } catch (RuntimeException e) {
                if (!RESTMappers.isNoMatchError(e)) {
                    throw e;
                }
            }
        }
        return new ArrayList<>(all);
    }

    @Override
    public List<GroupVersionResource> resourcesFor(GroupVersionResource input) {
        List<GroupVersionResource> all = union(m -> m.resourcesFor(input));
        if (all.isEmpty()) {
            throw new NoResourceMatchException(input);
        }
        return all;
    }

    @Override
    public List<GroupVersionKind> kindsFor(GroupVersionResource resource) {
        List<GroupVersionKind> all = union(m -> m.kindsFor(resource));
        if (all.isEmpty()) {
            throw new NoResourceMatchException(resource);
        }
        return all;
    }

    @Override
    public GroupVersionResource resourceFor(GroupVersionResource input) {
        List<GroupVersionResource> all = resourcesFor(input);
        if (all.size() == 1) {
            return all.get(0);
        }
        throw new AmbiguousResourceException(input, all, List.of());
    }

    @Override
    public GroupVersionKind kindFor(GroupVersionResource resource) {
        List<GroupVersionKind> all = kindsFor(resource);
        if (all.size() == 1) {
            return all.get(0);
        }
        throw new AmbiguousResourceException(resource, List.of(), all);
    }

    @Override
    public RESTMapping restMapping(GroupKind groupKind, String... versions) {
        List<RESTMapping> all = new ArrayList<>();
        List<RuntimeException> errors = new ArrayList<>();
        for (RESTMapper m : mappers) {
            try {
                all.add(m.restMapping(groupKind, versions));
            } catch (RuntimeException e) {
                if (!RESTMappers.isNoMatchError(e)) {
                    errors.add(e);
                }
            }
        }
        if (all.size() == 1) {
            return all.get(0);
        }
        if (all.size() > 1) {
            throw new AmbiguousKindException(new GroupVersionKind(groupKind.group(), "", groupKind.kind()),
                    List.of(), all.stream().map(RESTMapping::groupVersionKind).toList());
        }
        throwFirst(errors);
        throw new NoKindMatchException(groupKind, List.of(versions));
    }

    @Override
    public List<RESTMapping> restMappings(GroupKind groupKind, String... versions) {
        List<RESTMapping> all = new ArrayList<>();
        List<RuntimeException> errors = new ArrayList<>();
        for (RESTMapper m : mappers) {
            try {
                all.addAll(m.restMappings(groupKind, versions));
            } catch (RuntimeException e) {
                if (!RESTMappers.isNoMatchError(e)) {
                    errors.add(e);
                }
            }
        }
        throwFirst(errors);
        if (all.isEmpty()) {
            throw new NoKindMatchException(groupKind, List.of(versions));
        }
        return all;
    }

    private static void throwFirst(List<RuntimeException> errors) {
        if (!errors.isEmpty()) {
            RuntimeException first = errors.get(0);
            errors.subList(1, errors.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    @Override
    public String resourceSingularizer(String resource) {
        RuntimeException last = new NoResourceMatchException(new GroupVersionResource("", "", resource));
        for (RESTMapper m : mappers) {
            try {
                return m.resourceSingularizer(resource);
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last;
    }

    @Override
    public void reset() {
        mappers.forEach(RESTMappers::maybeReset);
    }

    @Override
    public String toString() {
        return "MultiRESTMapper" + mappers;
    }
}
