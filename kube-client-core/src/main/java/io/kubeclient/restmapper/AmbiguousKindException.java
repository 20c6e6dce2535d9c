package io.kubeclient.restmapper;

import io.kubeclient.KubeException;
import io.kubeclient.apimachinery.schema.GroupVersionKind;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import java.util.List;

/** A kind matched more than one mapping, as client-go's {@code AmbiguousKindError}. */
public class AmbiguousKindException extends KubeException {

    private static final long serialVersionUID = 1L;

    private final transient GroupVersionKind partialKind;
    private final transient List<GroupVersionResource> matchingResources;
    private final transient List<GroupVersionKind> matchingKinds;

    public AmbiguousKindException(
            GroupVersionKind partialKind,
            List<GroupVersionResource> matchingResources,
            List<GroupVersionKind> matchingKinds) {
        super(message(Names.gvk(partialKind), matchingResources, matchingKinds));
        this.partialKind = partialKind;
        this.matchingResources = List.copyOf(matchingResources);
        this.matchingKinds = List.copyOf(matchingKinds);
    }

    static String message(String partial, List<GroupVersionResource> resources, List<GroupVersionKind> kinds) {
        if (!kinds.isEmpty() && !resources.isEmpty()) {
            return partial + " matches multiple resources " + Names.list(resources, Names::gvr)
                    + " and kinds " + Names.list(kinds, Names::gvk);
        }
        if (!kinds.isEmpty()) {
            return partial + " matches multiple kinds " + Names.list(kinds, Names::gvk);
        }
        if (!resources.isEmpty()) {
            return partial + " matches multiple resources " + Names.list(resources, Names::gvr);
        }
        return partial + " matches multiple resources or kinds";
    }

    /** The kind that was looked up (its version is empty when none was given). */
    public GroupVersionKind partialKind() {
        return partialKind;
    }

    /** The resources it matched, possibly none. */
    public List<GroupVersionResource> matchingResources() {
        return matchingResources;
    }

    /** The kinds it matched. */
    public List<GroupVersionKind> matchingKinds() {
        return matchingKinds;
    }
}
