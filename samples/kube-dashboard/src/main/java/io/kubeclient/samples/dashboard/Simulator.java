package io.kubeclient.samples.dashboard;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.kubeclient.KubeException;
import io.kubeclient.apimachinery.errors.Errors;
import io.kubeclient.apimachinery.meta.ApplyOptions;
import io.kubeclient.apimachinery.meta.DeleteOptions;
import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The demo cluster's controllers, in miniature: each tick it reconciles deployments into pods (the
 * deployment controller), starts pending pods and finishes terminating ones (the kubelet), writes
 * deployments' ready replicas, and, with churn on, now and then kills a pod or rescales a
 * deployment so the page keeps moving. It talks to the API server through the same
 * {@link Clientset} as the dashboard, so its requests show up in the client metrics.
 */
final class Simulator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Simulator.class);

    static final String FIELD_MANAGER = "demo-simulator";
    static final String AUTOSCALER = "demo-autoscaler";

    private final Clientset clientset;
    private final FakeClock clock;
    private final RandomGenerator random;
    private final Duration interval;
    private final boolean churn;
    private final Map<String, Integer> pendingTicks = new HashMap<>();
    private final Map<String, Integer> terminatingTicks = new HashMap<>();
    private ScheduledExecutorService executor;

    Simulator(Clientset clientset, FakeClock clock, RandomGenerator random, Duration interval, boolean churn) {
        this.clientset = Objects.requireNonNull(clientset, "clientset");
        this.clock = clock;
        this.random = Objects.requireNonNull(random, "random");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.churn = churn;
    }

    @Override
    public synchronized void start() {
        this.executor = Executors.newSingleThreadScheduledExecutor((r) -> {
            Thread t = new Thread(r, "demo-simulator");
            t.setDaemon(true);
            return t;
        });
        long millis = this.interval.toMillis();
        this.executor.scheduleWithFixedDelay(this::safeTick, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (this.executor != null) {
            this.executor.shutdownNow();
            this.executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return this.executor != null;
    }

    private void safeTick() {
        try {
            tick();
        } catch (KubeException | IllegalStateException e) {
            log.debug("simulator tick failed: {}", e.toString());
        }
    }

    /** One reconciliation pass. */
    synchronized void tick() {
        syncClock();
        List<Pod> pods = this.clientset.coreV1().pods("").list().getItems();
        List<Deployment> deployments = this.clientset.appsV1().deployments("").list().getItems();
        kubelet(pods);
        for (Deployment d : deployments) {
            reconcile(d, pods);
        }
        if (this.churn) {
            churn(pods, deployments);
        }
    }

    /** Keeps the fake server's clock (creation timestamps, grace periods) on the wall clock. */
    private void syncClock() {
        if (this.clock != null) {
            Duration behind = Duration.between(this.clock.instant(), Instant.now());
            if (behind.toMillis() > 0) {
                this.clock.advance(behind);
            }
        }
    }

    /** Starts pods that have been pending for two ticks; removes pods that have been terminating for two. */
    private void kubelet(List<Pod> pods) {
        Set<String> seen = new HashSet<>();
        for (Pod pod : pods) {
            String uid = pod.getMetadata().getUid();
            seen.add(uid);
            if (pod.getMetadata().getDeletionTimestamp() != null) {
                if (this.terminatingTicks.merge(uid, 1, Integer::sum) >= 2) {
                    ignoreNotFound(() -> this.clientset.coreV1().pods(pod.getMetadata().getNamespace())
                            .delete(pod.getMetadata().getName(), DeleteOptions.builder().gracePeriodSeconds(0).build()));
                }
            } else if (phase(pod).equals("Pending") && this.pendingTicks.merge(uid, 1, Integer::sum) >= 2) {
                pod.setStatus(runningStatus(Instant.now().truncatedTo(ChronoUnit.SECONDS), this.random.nextInt(250)));
                ignoreConflict(() -> this.clientset.coreV1().pods(pod.getMetadata().getNamespace()).updateStatus(pod));
            }
        }
        this.pendingTicks.keySet().retainAll(seen);
        this.terminatingTicks.keySet().retainAll(seen);
    }

    /** Creates or deletes pods until the deployment has the replicas it asks for, then writes its status. */
    private void reconcile(Deployment d, List<Pod> pods) {
        String ns = d.getMetadata().getNamespace();
        Map<String, String> selector = d.getSpec().getSelector().getMatchLabels();
        List<Pod> owned = new ArrayList<>();
        for (Pod p : pods) {
            if (ns.equals(p.getMetadata().getNamespace()) && p.getMetadata().getDeletionTimestamp() == null
                    && p.getMetadata().getLabels() != null
                    && p.getMetadata().getLabels().entrySet().containsAll(selector.entrySet())) {
                owned.add(p);
            }
        }
        int desired = (d.getSpec().getReplicas() != null) ? d.getSpec().getReplicas() : 1;
        for (int i = owned.size(); i < desired; i++) {
            String node = DemoCluster.NODES.get(this.random.nextInt(DemoCluster.NODES.size()));
            this.clientset.coreV1().pods(ns).create(DemoCluster.pod(d, node));
        }
        if (owned.size() > desired) {
            owned.sort(Comparator.comparing((Pod p) -> p.getMetadata().getCreationTimestamp()).reversed());
            for (Pod extra : owned.subList(0, owned.size() - desired)) {
                ignoreNotFound(() -> this.clientset.coreV1().pods(ns).delete(extra.getMetadata().getName()));
            }
        }
        int current = Math.min(owned.size(), desired);
        int ready = (int) owned.stream().filter((p) -> phase(p).equals("Running")).count();
        ready = Math.min(ready, desired);
        DeploymentStatus status = d.getStatus();
        if (status == null || !Objects.equals(status.getReplicas(), current)
                || !Objects.equals(status.getReadyReplicas(), ready)
                || !Objects.equals(status.getObservedGeneration(), d.getMetadata().getGeneration())) {
            d.setStatus(deploymentStatus(d, current, ready));
            ignoreConflict(() -> this.clientset.appsV1().deployments(ns).updateStatus(d));
        }
    }

    /** Now and then kills a running pod, or rescales a deployment between one and four replicas. */
    private void churn(List<Pod> pods, List<Deployment> deployments) {
        List<Pod> running = pods.stream()
                .filter((p) -> p.getMetadata().getDeletionTimestamp() == null && phase(p).equals("Running"))
                .toList();
        if (!running.isEmpty() && this.random.nextDouble() < 0.08) {
            Pod victim = running.get(this.random.nextInt(running.size()));
            ignoreNotFound(() -> this.clientset.coreV1().pods(victim.getMetadata().getNamespace())
                    .delete(victim.getMetadata().getName()));
        }
        if (!deployments.isEmpty() && this.random.nextDouble() < 0.03) {
            Deployment d = deployments.get(this.random.nextInt(deployments.size()));
            int replicas = 1 + this.random.nextInt(4);
            this.clientset.appsV1().deployments(d.getMetadata().getNamespace()).apply(
                    replicas(d.getMetadata().getNamespace(), d.getMetadata().getName(), replicas),
                    ApplyOptions.builder().fieldManager(AUTOSCALER).force(true).build());
        }
    }

    /**
     * The apply configuration that sets a deployment's {@code spec.replicas} and nothing else: applied
     * with {@code force}, it takes ownership of that one field the way {@code kubectl scale} does.
     */
    static Deployment replicas(String namespace, String name, int replicas) {
        return new DeploymentBuilder().withApiVersion("apps/v1").withKind("Deployment")
                .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withNewSpec().withReplicas(replicas).endSpec()
                .build();
    }

    static PodStatus runningStatus(Instant started, int ipSuffix) {
        return new PodStatusBuilder().withPhase("Running").withStartTime(started.toString())
                .withPodIP("10.244.0." + (2 + ipSuffix % 250))
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .build();
    }

    static DeploymentStatus deploymentStatus(Deployment d, int replicas, int ready) {
        Long generation = d.getMetadata().getGeneration();
        return new DeploymentStatusBuilder().withReplicas(replicas).withUpdatedReplicas(replicas)
                .withReadyReplicas(ready).withAvailableReplicas(ready)
                .withObservedGeneration((generation != null) ? generation : 1L)
                .build();
    }

    private static String phase(Pod pod) {
        return (pod.getStatus() != null && pod.getStatus().getPhase() != null) ? pod.getStatus().getPhase() : "Pending";
    }

    private static void ignoreNotFound(Runnable call) {
        try {
            call.run();
        } catch (KubeException e) {
            if (!Errors.isNotFound(e)) {
                throw e;
            }
        }
    }

    private static void ignoreConflict(Runnable call) {
        try {
            call.run();
        } catch (KubeException e) {
            // Another writer got there first; the next tick works from fresh state.
            if (!Errors.isConflict(e) && !Errors.isNotFound(e)) {
                throw e;
            }
        }
    }
}
