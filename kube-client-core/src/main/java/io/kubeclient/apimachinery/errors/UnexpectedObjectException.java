package io.kubeclient.apimachinery.errors;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kubeclient.KubeException;

/**
 * {@link Errors#fromObject} was given something other than a {@code Status} (client-go's
 * {@code UnexpectedObjectError}).
 *
 * <p>Unlike client-go, the message names the object's type and name but never prints its content,
 * which could hold a Secret's data.
 */
public class UnexpectedObjectException extends KubeException {

    private static final long serialVersionUID = 1L;

    private final transient Object object;

    /** Reports {@code object} as unexpected. */
    public UnexpectedObjectException(Object object) {
        super("unexpected object: " + describe(object));
        this.object = object;
    }

    /** The object that was not a Status; may be null. */
    public Object object() {
        return object;
    }

    static String describe(Object object) {
        if (object == null) {
            return "null";
        }
        if (object instanceof HasMetadata resource) {
            StringBuilder b = new StringBuilder();
            b.append(resource.getApiVersion()).append(", Kind=").append(resource.getKind());
            ObjectMeta meta = resource.getMetadata();
            if (meta != null && meta.getName() != null) {
                b.append(' ');
                if (meta.getNamespace() != null && !meta.getNamespace().isEmpty()) {
                    b.append(meta.getNamespace()).append('/');
                }
                b.append(meta.getName());
            }
            return b.toString();
        }
        if (object instanceof java.util.Map<?, ?> map) {
            return "map with kind " + map.get("kind") + " and apiVersion " + map.get("apiVersion");
        }
        return object.getClass().getName();
    }
}
