package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.ComponentStatus;
import io.fabric8.kubernetes.api.model.ComponentStatusList;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsList;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventList;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeList;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeList;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimList;
import io.fabric8.kubernetes.api.model.PersistentVolumeList;
import io.fabric8.kubernetes.api.model.PodTemplate;
import io.fabric8.kubernetes.api.model.PodTemplateList;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerList;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaList;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretList;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceList;
import io.kubeclient.rest.RESTClient;

/** The typed clients of {@code v1}; obtain it from {@link Clientset#coreV1()}. */
public final class CoreV1Client extends GroupVersionClient {

    CoreV1Client(RESTClient client) {
        super(client);
    }

    /** ComponentStatus objects (cluster-scoped). */
    public ResourceClient<ComponentStatus, ComponentStatusList> componentStatuses() {
        return cluster("componentstatuses", ComponentStatus.class, ComponentStatusList.class);
    }

    /** ConfigMap objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public ResourceClient<ConfigMap, ConfigMapList> configMaps(String namespace) {
        return namespaced("configmaps", namespace, ConfigMap.class, ConfigMapList.class);
    }

    /** Endpoints objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public ResourceClient<Endpoints, EndpointsList> endpoints(String namespace) {
        return namespaced("endpoints", namespace, Endpoints.class, EndpointsList.class);
    }

    /** Event objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public ResourceClient<Event, EventList> events(String namespace) {
        return namespaced("events", namespace, Event.class, EventList.class);
    }

    /** LimitRange objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public ResourceClient<LimitRange, LimitRangeList> limitRanges(String namespace) {
        return namespaced("limitranges", namespace, LimitRange.class, LimitRangeList.class);
    }

    /** Namespace objects (cluster-scoped). */
    public NamespaceClient namespaces() {
        return new NamespaceClient(restClient());
    }

    /** Node objects (cluster-scoped). */
    public StatusResourceClient<Node, NodeList> nodes() {
        return clusterWithStatus("nodes", Node.class, NodeList.class);
    }

    /** PersistentVolume objects (cluster-scoped). */
    public StatusResourceClient<PersistentVolume, PersistentVolumeList> persistentVolumes() {
        return clusterWithStatus("persistentvolumes", PersistentVolume.class, PersistentVolumeList.class);
    }

    /** PersistentVolumeClaim objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public StatusResourceClient<PersistentVolumeClaim, PersistentVolumeClaimList> persistentVolumeClaims(String namespace) {
        return namespacedWithStatus("persistentvolumeclaims", namespace, PersistentVolumeClaim.class, PersistentVolumeClaimList.class);
    }

    /** Pod objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public PodClient pods(String namespace) {
        return new PodClient(restClient(), namespace);
    }

    /** PodTemplate objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public ResourceClient<PodTemplate, PodTemplateList> podTemplates(String namespace) {
        return namespaced("podtemplates", namespace, PodTemplate.class, PodTemplateList.class);
    }

    /** ReplicationController objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public ScalableResourceClient<ReplicationController, ReplicationControllerList> replicationControllers(String namespace) {
        return scalable("replicationcontrollers", namespace, ReplicationController.class, ReplicationControllerList.class);
    }

    /** ResourceQuota objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public StatusResourceClient<ResourceQuota, ResourceQuotaList> resourceQuotas(String namespace) {
        return namespacedWithStatus("resourcequotas", namespace, ResourceQuota.class, ResourceQuotaList.class);
    }

    /** Secret objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public ResourceClient<Secret, SecretList> secrets(String namespace) {
        return namespaced("secrets", namespace, Secret.class, SecretList.class);
    }

    /** Service objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public StatusResourceClient<Service, ServiceList> services(String namespace) {
        return namespacedWithStatus("services", namespace, Service.class, ServiceList.class);
    }

    /** ServiceAccount objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public ServiceAccountClient serviceAccounts(String namespace) {
        return new ServiceAccountClient(restClient(), namespace);
    }
}
