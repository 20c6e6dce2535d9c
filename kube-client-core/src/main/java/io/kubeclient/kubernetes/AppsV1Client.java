package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionList;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetList;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentList;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetList;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetList;
import io.kubeclient.rest.RESTClient;

/** The typed clients of {@code apps/v1}; obtain it from {@link Clientset#appsV1()}. */
public final class AppsV1Client extends GroupVersionClient {

    AppsV1Client(RESTClient client) {
        super(client);
    }

    /** ControllerRevision objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public ResourceClient<ControllerRevision, ControllerRevisionList> controllerRevisions(String namespace) {
        return namespaced("controllerrevisions", namespace, ControllerRevision.class, ControllerRevisionList.class);
    }

    /** DaemonSet objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public StatusResourceClient<DaemonSet, DaemonSetList> daemonSets(String namespace) {
        return namespacedWithStatus("daemonsets", namespace, DaemonSet.class, DaemonSetList.class);
    }

    /** Deployment objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public ScalableResourceClient<Deployment, DeploymentList> deployments(String namespace) {
        return scalable("deployments", namespace, Deployment.class, DeploymentList.class);
    }

    /** ReplicaSet objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public ScalableResourceClient<ReplicaSet, ReplicaSetList> replicaSets(String namespace) {
        return scalable("replicasets", namespace, ReplicaSet.class, ReplicaSetList.class);
    }

    /** StatefulSet objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public ScalableResourceClient<StatefulSet, StatefulSetList> statefulSets(String namespace) {
        return scalable("statefulsets", namespace, StatefulSet.class, StatefulSetList.class);
    }
}
