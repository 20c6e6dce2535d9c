package io.kubeclient.samples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubeclient.apimachinery.meta.ApplyOptions;
import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.testing.FakeApiServer;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo simulator, tick by tick, against a fresh fake API server per test. */
class SimulatorTest {

    FakeApiServer server;
    Clientset clientset;

    @BeforeEach
    void seed() {
        this.server = FakeApiServer.builder().start();
        this.clientset = Clientset.newForConfig(this.server.restConfig());
        DemoCluster.seed(this.server, new Random(42));
    }

    @AfterEach
    void close() {
        this.clientset.close();
        this.server.close();
    }

    @Test
    void seedsRunningPodsForEveryDeployment() {
        for (DemoCluster.App app : DemoCluster.APPS) {
            List<Pod> pods = pods(app.namespace(), app.name());
            assertThat(pods).hasSize(app.replicas())
                    .allSatisfy((p) -> assertThat(p.getStatus().getPhase()).isEqualTo("Running"));
            assertThat(this.server.get(Deployment.class, app.namespace(), app.name()).getStatus().getReadyReplicas())
                    .isEqualTo(app.replicas());
        }
    }

    @Test
    void reconcilesDeploymentsIntoRunningPodsAndReadyReplicas() {
        Simulator simulator = new Simulator(this.clientset, null, new Random(1), Duration.ofSeconds(1), false);
        scale("shop", "frontend", 5);

        simulator.tick(); // creates two pods, Pending
        assertThat(pods("shop", "frontend")).hasSize(5);
        simulator.tick();
        simulator.tick(); // pending for two ticks: now Running
        simulator.tick(); // status catches up
        assertThat(pods("shop", "frontend")).hasSize(5)
                .allSatisfy((p) -> assertThat(p.getStatus().getPhase()).isEqualTo("Running"));
        Deployment frontend = this.server.get(Deployment.class, "shop", "frontend");
        assertThat(frontend.getStatus().getReadyReplicas()).isEqualTo(5);
        assertThat(frontend.getStatus().getObservedGeneration()).isEqualTo(frontend.getMetadata().getGeneration());

        scale("shop", "frontend", 1);
        simulator.tick(); // four pods start terminating
        assertThat(pods("shop", "frontend")).filteredOn((p) -> p.getMetadata().getDeletionTimestamp() != null).hasSize(4);
        simulator.tick();
        simulator.tick(); // terminating for two ticks: gone
        assertThat(pods("shop", "frontend")).hasSize(1);
        assertThat(this.server.get(Deployment.class, "shop", "frontend").getStatus().getReadyReplicas()).isEqualTo(1);
    }

    @Test
    void churnKillsAPodAndRescalesADeploymentAsTheAutoscaler() {
        RandomGenerator alwaysZero = () -> 0L; // nextDouble() == 0.0 (always churn), nextInt(n) == 0
        Simulator simulator = new Simulator(this.clientset, null, alwaysZero, Duration.ofSeconds(1), true);

        simulator.tick();

        assertThat(this.server.list(Pod.class, null)).filteredOn((p) -> p.getMetadata().getDeletionTimestamp() != null)
                .hasSize(1);
        Deployment scaled = this.server.get(Deployment.class, "monitoring", "prometheus");
        assertThat(scaled.getSpec().getReplicas()).isEqualTo(1);
        assertThat(scaled.getMetadata().getManagedFields()).extracting(ManagedFieldsEntry::getManager)
                .contains(Simulator.AUTOSCALER);
    }

    private void scale(String namespace, String name, int replicas) {
        this.clientset.appsV1().deployments(namespace).apply(Simulator.replicas(namespace, name, replicas),
                ApplyOptions.builder().fieldManager("test").force(true).build());
    }

    private List<Pod> pods(String namespace, String app) {
        return this.server.list(Pod.class, namespace).stream()
                .filter((p) -> app.equals(p.getMetadata().getLabels().get("app"))).toList();
    }
}
