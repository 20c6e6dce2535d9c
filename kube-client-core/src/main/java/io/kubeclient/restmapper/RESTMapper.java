package io.kubeclient.restmapper;

import io.kubeclient.apimachinery.schema.GroupKind;
import io.kubeclient.apimachinery.schema.GroupVersionKind;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import java.util.List;

/**
 * Maps between resources and kinds, as client-go's {@code meta.RESTMapper}.
 *
 * <p>Partially specified resources use empty strings as wildcards: an empty group or version matches
 * any, and the resource name may be plural or singular (matched case-insensitively). Failures are
 * {@link NoResourceMatchException}, {@link NoKindMatchException}, {@link AmbiguousResourceException}
 * or {@link AmbiguousKindException}.
 */
public interface RESTMapper {

    /** The one kind {@code resource} names; ambiguous is an error. */
    GroupVersionKind kindFor(GroupVersionResource resource);

    /** All kinds {@code resource} may name, most preferred first. */
    List<GroupVersionKind> kindsFor(GroupVersionResource resource);

    /** The one fully specified resource {@code input} names; ambiguous is an error. */
    GroupVersionResource resourceFor(GroupVersionResource input);

    /** All fully specified resources {@code input} may name, most preferred first. */
    List<GroupVersionResource> resourcesFor(GroupVersionResource input);

    /**
     * The mapping for a kind, in the first of {@code versions} that has it, or in the most preferred
     * version when none are given.
     */
    RESTMapping restMapping(GroupKind groupKind, String... versions);

    /** All mappings for a kind (see {@link #restMapping}). */
    List<RESTMapping> restMappings(GroupKind groupKind, String... versions);

    /** The singular name of a resource, such as {@code pod} for {@code pods}. */
    String resourceSingularizer(String resource);
}
