package io.kubeclient.samples.dashboard;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Comparator;
import java.util.List;

/** What the page shows of each object, as JSON records. */
final class Views {

    private Views() {}

    record NamespaceView(String name, String phase) {}

    record DeploymentView(String namespace, String name, int desired, int ready, int available) {}

    record PodView(String namespace, String name, String phase, String node, String createdAt, boolean ready,
            String app) {}

    /** Everything the page shows. */
    record Snapshot(String source, List<NamespaceView> namespaces, List<DeploymentView> deployments,
            List<PodView> pods) {}

    /** One object changed: {@code type} is ADDED, MODIFIED or DELETED. */
    record Change(String kind, String type, Object item) {}

    /** A whole kind was listed again (after a 410 Gone, for example). */
    record Resync(String kind, List<?> items) {}

    static NamespaceView of(Namespace ns) {
        String phase = (ns.getStatus() != null && ns.getStatus().getPhase() != null) ? ns.getStatus().getPhase()
                : "Active";
        return new NamespaceView(ns.getMetadata().getName(), phase);
    }

    static DeploymentView of(Deployment d) {
        int desired = (d.getSpec() != null && d.getSpec().getReplicas() != null) ? d.getSpec().getReplicas() : 1;
        var status = d.getStatus();
        int ready = (status != null && status.getReadyReplicas() != null) ? status.getReadyReplicas() : 0;
        int available = (status != null && status.getAvailableReplicas() != null) ? status.getAvailableReplicas() : 0;
        return new DeploymentView(d.getMetadata().getNamespace(), d.getMetadata().getName(), desired, ready, available);
    }

    static PodView of(Pod p) {
        String phase = (p.getStatus() != null && p.getStatus().getPhase() != null) ? p.getStatus().getPhase()
                : "Pending";
        if (p.getMetadata().getDeletionTimestamp() != null) {
            phase = "Terminating";
        }
        boolean ready = p.getStatus() != null && p.getStatus().getConditions() != null && p.getStatus().getConditions()
                .stream().anyMatch((PodCondition c) -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        String node = (p.getSpec() != null) ? p.getSpec().getNodeName() : null;
        String app = (p.getMetadata().getLabels() != null) ? p.getMetadata().getLabels().get("app") : null;
        return new PodView(p.getMetadata().getNamespace(), p.getMetadata().getName(), phase, node,
                p.getMetadata().getCreationTimestamp(), ready, app);
    }

    static Object of(Object o) {
        if (o instanceof Pod p) {
            return of(p);
        }
        if (o instanceof Deployment d) {
            return of(d);
        }
        if (o instanceof Namespace n) {
            return of(n);
        }
        throw new IllegalArgumentException("no view for " + o.getClass().getName());
    }

    static final Comparator<NamespaceView> NAMESPACE_ORDER = Comparator.comparing(NamespaceView::name);
    static final Comparator<DeploymentView> DEPLOYMENT_ORDER = Comparator.comparing(DeploymentView::namespace)
            .thenComparing(DeploymentView::name);
    static final Comparator<PodView> POD_ORDER = Comparator.comparing(PodView::namespace).thenComparing(PodView::name);
}
