package io.kubeclient.restmapper;

import io.kubeclient.KubeException;
import io.kubeclient.apimachinery.schema.GroupVersionKind;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import java.util.List;

/** A partially specified resource matched more than one resource or kind, as client-go's {@code AmbiguousResourceError}. */
public class AmbiguousResourceException extends KubeException {

    private static final long serialVersionUID = 1L;

    private final transient GroupVersionResource partialResource;
    private final transient List<GroupVersionResource> matchingResources;
    private final transient List<GroupVersionKind> matchingKinds;

    public AmbiguousResourceException(
            GroupVersionResource partialResource,
            List<GroupVersionResource> matchingResources,
            List<GroupVersionKind> matchingKinds) {
        super(AmbiguousKindException.message(Names.gvr(partialResource), matchingResources, matchingKinds));
        this.partialResource = partialResource;
        this.matchingResources = List.copyOf(matchingResources);
        this.matchingKinds = List.copyOf(matchingKinds);
    }

    /** The resource that was looked up. */
    public GroupVersionResource partialResource() {
        return partialResource;
    }

    /** The resources it matched, possibly none when kinds were looked up. */
    public List<GroupVersionResource> matchingResources() {
        return matchingResources;
    }

    /** The kinds it matched, possibly none when resources were looked up. */
    public List<GroupVersionKind> matchingKinds() {
        return matchingKinds;
    }
}
