package io.kubeclient.discovery;

import io.kubeclient.KubeException;
import io.kubeclient.apimachinery.schema.GroupVersion;

/** Aggregated discovery marked a group version {@code Stale}: the aggregator could not refresh it. */
public class StaleGroupVersionException extends KubeException {

    private static final long serialVersionUID = 1L;

    private final GroupVersion groupVersion;

    public StaleGroupVersionException(GroupVersion groupVersion) {
        super("stale GroupVersion discovery: " + groupVersion);
        this.groupVersion = groupVersion;
    }

    /** The stale group version. */
    public GroupVersion groupVersion() {
        return groupVersion;
    }
}
