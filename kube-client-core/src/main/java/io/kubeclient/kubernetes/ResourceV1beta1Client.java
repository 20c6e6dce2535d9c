package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.resource.v1beta1.DeviceClass;
import io.fabric8.kubernetes.api.model.resource.v1beta1.DeviceClassList;
import io.fabric8.kubernetes.api.model.resource.v1beta1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1beta1.ResourceClaimList;
import io.fabric8.kubernetes.api.model.resource.v1beta1.ResourceClaimTemplate;
import io.fabric8.kubernetes.api.model.resource.v1beta1.ResourceClaimTemplateList;
import io.fabric8.kubernetes.api.model.resource.v1beta1.ResourceSlice;
import io.fabric8.kubernetes.api.model.resource.v1beta1.ResourceSliceList;
import io.kubeclient.rest.RESTClient;

/** The typed clients of {@code resource.k8s.io/v1beta1}; obtain it from {@link Clientset#resourceV1beta1()}. */
public final class ResourceV1beta1Client extends GroupVersionClient {

    ResourceV1beta1Client(RESTClient client) {
        super(client);
    }

    /** DeviceClass objects (cluster-scoped). */
    public ResourceClient<DeviceClass, DeviceClassList> deviceClasses() {
        return cluster("deviceclasses", DeviceClass.class, DeviceClassList.class);
    }

    /** ResourceClaim objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public StatusResourceClient<ResourceClaim, ResourceClaimList> resourceClaims(String namespace) {
        return namespacedWithStatus("resourceclaims", namespace, ResourceClaim.class, ResourceClaimList.class);
    }

    /** ResourceClaimTemplate objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public ResourceClient<ResourceClaimTemplate, ResourceClaimTemplateList> resourceClaimTemplates(String namespace) {
        return namespaced("resourceclaimtemplates", namespace, ResourceClaimTemplate.class, ResourceClaimTemplateList.class);
    }

    /** ResourceSlice objects (cluster-scoped). */
    public ResourceClient<ResourceSlice, ResourceSliceList> resourceSlices() {
        return cluster("resourceslices", ResourceSlice.class, ResourceSliceList.class);
    }
}
