package io.kubeclient.samples.dashboard;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.watch.EventType;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dashboard's picture of the cluster: mirrors of namespaces, deployments and pods across all
 * namespaces, turned into {@link Views} and pushed to subscribed pages as {@code change} and
 * {@code resync} events.
 */
final class ClusterView implements SmartLifecycle {

    private final Object lock = new Object();
    private final String source;
    private final EventBroadcaster broadcaster = new EventBroadcaster();
    private final ResourceMirror<Namespace> namespaces;
    private final ResourceMirror<Deployment> deployments;
    private final ResourceMirror<Pod> pods;
    private volatile boolean running;

    ClusterView(Clientset clientset, String source) {
        this.source = source;
        this.namespaces = new ResourceMirror<>("namespace", clientset.coreV1().namespaces(), this.lock, listener());
        this.deployments = new ResourceMirror<>("deployment", clientset.appsV1().deployments(""), this.lock,
                listener());
        this.pods = new ResourceMirror<>("pod", clientset.coreV1().pods(""), this.lock, listener());
    }

    private <T extends HasMetadata> ResourceMirror.Listener<T> listener() {
        return new ResourceMirror.Listener<>() {
            @Override
            public void resynced(ResourceMirror<T> mirror, List<T> items) {
                ClusterView.this.broadcaster.publish("resync", new Views.Resync(mirror.kind(), sorted(mirror)));
            }

            @Override
            public void changed(ResourceMirror<T> mirror, EventType type, T object) {
                ClusterView.this.broadcaster.publish("change", new Views.Change(mirror.kind(), type.name(), Views.of(object)));
            }
        };
    }

    /** Everything the page shows, consistent across the three resources. */
    Views.Snapshot snapshot() {
        synchronized (this.lock) {
            return new Views.Snapshot(this.source, cast(sorted(this.namespaces), Views.NamespaceView.class),
                    cast(sorted(this.deployments), Views.DeploymentView.class), cast(sorted(this.pods), Views.PodView.class));
        }
    }

    private static <V> List<V> cast(List<?> views, Class<V> type) {
        return views.stream().map(type::cast).toList();
    }

    /** Sends the snapshot, then every change, to {@code emitter}. */
    void subscribe(SseEmitter emitter) {
        synchronized (this.lock) {
            this.broadcaster.subscribe(emitter, snapshot());
        }
    }

    /** Waits until each resource has been listed once. */
    boolean awaitSynced(Duration timeout) throws InterruptedException {
        return this.namespaces.awaitSynced(timeout) && this.deployments.awaitSynced(timeout)
                && this.pods.awaitSynced(timeout);
    }

    /** How many times pods have been listed: 1, plus one per re-list after a 410 or a failure. */
    int podLists() {
        return this.pods.lists();
    }

    int subscribers() {
        return this.broadcaster.subscribers();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<?> sorted(ResourceMirror<?> mirror) {
        List views = new java.util.ArrayList<>(mirror.items().stream().map(Views::of).toList());
        Comparator order = switch (mirror.kind()) {
            case "namespace" -> Views.NAMESPACE_ORDER;
            case "deployment" -> Views.DEPLOYMENT_ORDER;
            default -> Views.POD_ORDER;
        };
        views.sort(order);
        return List.copyOf(views);
    }

    @Override
    public void start() {
        this.namespaces.start();
        this.deployments.start();
        this.pods.start();
        this.running = true;
    }

    @Override
    public void stop() {
        this.running = false;
        this.namespaces.stop();
        this.deployments.stop();
        this.pods.stop();
        this.broadcaster.close();
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }
}
