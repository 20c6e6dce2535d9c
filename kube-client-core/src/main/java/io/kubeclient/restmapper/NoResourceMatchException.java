package io.kubeclient.restmapper;

import io.kubeclient.KubeException;
import io.kubeclient.apimachinery.schema.GroupVersionResource;

/** No resource matched a partially specified resource, as client-go's {@code NoResourceMatchError}. */
public class NoResourceMatchException extends KubeException {

    private static final long serialVersionUID = 1L;

    private final transient GroupVersionResource partialResource;

    public NoResourceMatchException(GroupVersionResource partialResource) {
        super("no matches for " + Names.gvr(partialResource));
        this.partialResource = partialResource;
    }

    /** The resource that was looked up. */
    public GroupVersionResource partialResource() {
        return partialResource;
    }
}
