package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.storage.CSIDriver;
import io.fabric8.kubernetes.api.model.storage.CSIDriverList;
import io.fabric8.kubernetes.api.model.storage.CSINode;
import io.fabric8.kubernetes.api.model.storage.CSINodeList;
import io.fabric8.kubernetes.api.model.storage.CSIStorageCapacity;
import io.fabric8.kubernetes.api.model.storage.CSIStorageCapacityList;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.api.model.storage.StorageClassList;
import io.fabric8.kubernetes.api.model.storage.VolumeAttachment;
import io.fabric8.kubernetes.api.model.storage.VolumeAttachmentList;
import io.fabric8.kubernetes.api.model.storage.VolumeAttributesClass;
import io.fabric8.kubernetes.api.model.storage.VolumeAttributesClassList;
import io.kubeclient.rest.RESTClient;

/** The typed clients of {@code storage.k8s.io/v1}; obtain it from {@link Clientset#storageV1()}. */
public final class StorageV1Client extends GroupVersionClient {

    StorageV1Client(RESTClient client) {
        super(client);
    }

    /** CSIDriver objects (cluster-scoped). */
    public ResourceClient<CSIDriver, CSIDriverList> csiDrivers() {
        return cluster("csidrivers", CSIDriver.class, CSIDriverList.class);
    }

    /** CSINode objects (cluster-scoped). */
    public ResourceClient<CSINode, CSINodeList> csiNodes() {
        return cluster("csinodes", CSINode.class, CSINodeList.class);
    }

    /** CSIStorageCapacity objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public ResourceClient<CSIStorageCapacity, CSIStorageCapacityList> csiStorageCapacities(String namespace) {
        return namespaced("csistoragecapacities", namespace, CSIStorageCapacity.class, CSIStorageCapacityList.class);
    }

    /** StorageClass objects (cluster-scoped). */
    public ResourceClient<StorageClass, StorageClassList> storageClasses() {
        return cluster("storageclasses", StorageClass.class, StorageClassList.class);
    }

    /** VolumeAttachment objects (cluster-scoped). */
    public StatusResourceClient<VolumeAttachment, VolumeAttachmentList> volumeAttachments() {
        return clusterWithStatus("volumeattachments", VolumeAttachment.class, VolumeAttachmentList.class);
    }

    /** VolumeAttributesClass objects (cluster-scoped). */
    public ResourceClient<VolumeAttributesClass, VolumeAttributesClassList> volumeAttributesClasses() {
        return cluster("volumeattributesclasses", VolumeAttributesClass.class, VolumeAttributesClassList.class);
    }
}
