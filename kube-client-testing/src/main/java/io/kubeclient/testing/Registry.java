package io.kubeclient.testing;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The resources the server knows, in registration order (which is discovery order). */
final class Registry {

    static final ResourceType CRDS = new ResourceType("apiextensions.k8s.io", "v1", "CustomResourceDefinition",
            "customresourcedefinitions", "customresourcedefinition", false, true, false, List.of("crd", "crds"));

    private final Map<String, ResourceType> byGroupResource = new ConcurrentHashMap<>();
    private final Map<String, ResourceType> byPath = new ConcurrentHashMap<>();
    private final List<ResourceType> ordered = new ArrayList<>();

    static Registry builtIns() {
        Registry r = new Registry();
        for (Class<? extends io.fabric8.kubernetes.api.model.HasMetadata> c : List.of(Namespace.class, Pod.class,
                Service.class, ConfigMap.class, Secret.class, ServiceAccount.class, Node.class, Event.class,
                PersistentVolumeClaim.class, PersistentVolume.class, Endpoints.class, ReplicationController.class,
                ResourceQuota.class, LimitRange.class, Deployment.class, StatefulSet.class, ReplicaSet.class,
                DaemonSet.class, Job.class, CronJob.class)) {
            r.register(ResourceType.of(c));
        }
        r.register(CRDS);
        return r;
    }

    synchronized void register(ResourceType rt) {
        ResourceType old = byGroupResource.put(rt.groupResource(), rt);
        if (old != null) {
            ordered.remove(old);
            byPath.remove(old.apiVersion() + "/" + old.plural());
        }
        ordered.add(rt);
        byPath.put(rt.apiVersion() + "/" + rt.plural(), rt);
    }

    synchronized void unregister(String groupResource) {
        ResourceType old = byGroupResource.remove(groupResource);
        if (old != null) {
            ordered.remove(old);
            byPath.remove(old.apiVersion() + "/" + old.plural());
        }
    }

    ResourceType find(String apiVersion, String plural) {
        return byPath.get(apiVersion + "/" + plural);
    }

    ResourceType byGroupResource(String gr) {
        return byGroupResource.get(gr);
    }

    Map<String, ResourceType> view() {
        return byGroupResource;
    }

    ResourceType byKind(String apiVersion, String kind) {
        for (ResourceType rt : all()) {
            if (rt.apiVersion().equals(apiVersion) && rt.kind().equals(kind)) {
                return rt;
            }
        }
        return null;
    }

    synchronized List<ResourceType> all() {
        return List.copyOf(ordered);
    }

    /** Group name to its versions (in registration order) to their resources. */
    Map<String, Map<String, List<ResourceType>>> groups() {
        Map<String, Map<String, List<ResourceType>>> out = new LinkedHashMap<>();
        for (ResourceType rt : all()) {
            out.computeIfAbsent(rt.group(), g -> new LinkedHashMap<>())
                    .computeIfAbsent(rt.version(), v -> new ArrayList<>()).add(rt);
        }
        return out;
    }
}
