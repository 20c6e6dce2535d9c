package io.kubeclient.apimachinery.schema;

/**
 * A kind within a group, without version, such as {@code Deployment.apps}.
 *
 * @param group the group, empty for the core group
 * @param kind the kind
 */
public record GroupKind(String group, String kind) {

    /** Whether group and kind are both empty. */
    public boolean isEmpty() {
        return group.isEmpty() && kind.isEmpty();
    }
}
