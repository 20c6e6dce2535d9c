package io.kubeclient.apimachinery.patch;

import java.util.List;
import java.util.Optional;

/**
 * What a strategic merge patch needs to know about one field of an API type and, through
 * {@link #field}, about the fields below it: its patch strategies, merge key and list semantics.
 *
 * <p>For a list field {@link #field} describes the fields of the list's items. Unknown fields are
 * described by {@link #none()}: maps are merged, lists are replaced.
 *
 * @see OpenApiV3PatchMeta
 */
public interface PatchMeta {

    /** Metadata of the member {@code name} of this field's value (or of its items, for a list); never null. */
    PatchMeta field(String name);

    /** The {@code x-kubernetes-patch-strategy} values, e.g. {@code [merge]} or {@code [merge, retainKeys]}. */
    List<String> patchStrategies();

    /** The {@code x-kubernetes-patch-merge-key} of a list of objects merged by key. */
    Optional<String> patchMergeKey();

    /** The {@code x-kubernetes-list-type}: {@code atomic}, {@code set} or {@code map}. */
    Optional<String> listType();

    /** The {@code x-kubernetes-list-map-keys} of a list of type {@code map}. */
    List<String> listMapKeys();

    /** Metadata that knows nothing: no strategies, no keys, and nothing below. */
    static PatchMeta none() {
        return NoPatchMeta.INSTANCE;
    }
}
