package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.kubeclient.apimachinery.meta.ApplyOptions;
import io.kubeclient.apimachinery.meta.GetOptions;
import io.kubeclient.apimachinery.meta.UpdateOptions;
import io.kubeclient.rest.InvalidRequestException;
import io.kubeclient.rest.RESTClient;

/**
 * A {@link StatusResourceClient} for workloads with a {@code scale} subresource (deployments, replica
 * sets, stateful sets, replication controllers), read and written as {@code autoscaling/v1} {@link Scale}.
 *
 * @param <T> the object type
 * @param <L> its list type
 */
public class ScalableResourceClient<T extends HasMetadata, L extends KubernetesResourceList<T>>
        extends StatusResourceClient<T, L> {

    ScalableResourceClient(RESTClient client, String resource, String namespace, Class<T> type, Class<L> listType) {
        super(client, resource, true, namespace, type, listType);
    }

    /** Reads the named object's scale. */
    public Scale getScale(String name) {
        return getScale(name, GetOptions.empty());
    }

    /** Reads the named object's scale, with options. */
    public Scale getScale(String name, GetOptions options) {
        Names.checkName(name, resource);
        return write(client.get()).name(name).subResource("scale").versionedParams(options).execute().into(Scale.class);
    }

    /** Replaces the named object's scale, typically to change {@code spec.replicas}. */
    public Scale updateScale(String name, Scale scale) {
        return updateScale(name, scale, UpdateOptions.empty());
    }

    /** Replaces the named object's scale, with options. */
    public Scale updateScale(String name, Scale scale, UpdateOptions options) {
        Names.checkName(name, resource);
        requireObject(scale, "update scale of");
        return write(client.put()).name(name).subResource("scale").versionedParams(options).body(scale)
                .execute().into(Scale.class);
    }

    /**
     * Server-side apply to the {@code scale} subresource of the named object. The apply
     * configuration's {@code metadata.name} must equal {@code name}.
     */
    public Scale applyScale(String name, Scale applyConfiguration, ApplyOptions options) {
        Names.checkName(name, resource);
        if (applyConfiguration != null && applyConfiguration.getMetadata() != null
                && applyConfiguration.getMetadata().getName() != null
                && !name.equals(applyConfiguration.getMetadata().getName())) {
            throw new InvalidRequestException("the scale's metadata.name \""
                    + applyConfiguration.getMetadata().getName() + "\" differs from the " + resource + " name \"" + name + "\"");
        }
        if (applyConfiguration != null && (applyConfiguration.getMetadata() == null
                || applyConfiguration.getMetadata().getName() == null)) {
            applyConfiguration = new ScaleBuilder(applyConfiguration).editOrNewMetadata().withName(name).endMetadata()
                    .build();
        }
        return applyTo(applyConfiguration, options, Scale.class, "scale");
    }
}
