package io.kubeclient.samples.dashboard;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.kubeclient.testing.FakeApiServer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** The demo cluster's initial content: three nodes, three namespaces, four deployments and their pods. */
final class DemoCluster {

    static final List<String> NODES = List.of("node-a", "node-b", "node-c");

    record App(String namespace, String name, String image, int replicas) {}

    static final List<App> APPS = List.of(
            new App("shop", "frontend", "nginx:1.27", 3),
            new App("shop", "cart", "ghcr.io/example/cart:2.4.1", 2),
            new App("payments", "payments-api", "ghcr.io/example/payments:1.9.0", 2),
            new App("monitoring", "prometheus", "prom/prometheus:v3.1.0", 1));

    private DemoCluster() {}

    /** Stores the nodes, namespaces, deployments and running pods in {@code server}. */
    static void seed(FakeApiServer server, RandomGenerator random) {
        for (String node : NODES) {
            server.put(node(node));
        }
        for (String ns : List.of("shop", "payments", "monitoring")) {
            server.put(namespace(ns));
        }
        Instant now = server.clock().instant();
        for (App app : APPS) {
            Deployment deployment = deployment(app);
            deployment.setStatus(Simulator.deploymentStatus(deployment, app.replicas(), app.replicas()));
            deployment = server.put(deployment);
            for (int i = 0; i < app.replicas(); i++) {
                Pod pod = pod(deployment, NODES.get(random.nextInt(NODES.size())));
                pod.getMetadata().setGenerateName(null);
                pod.getMetadata().setName(app.name() + "-" + suffix(random));
                pod.setStatus(Simulator.runningStatus(now.truncatedTo(ChronoUnit.SECONDS), i));
                server.put(pod);
            }
        }
    }

    static Namespace namespace(String name) {
        return new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build();
    }

    static Node node(String name) {
        return new NodeBuilder().withNewMetadata().withName(name)
                .withLabels(Map.of("kubernetes.io/hostname", name)).endMetadata()
                .withNewStatus().addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus()
                .build();
    }

    static Deployment deployment(App app) {
        Map<String, String> labels = Map.of("app", app.name());
        return new DeploymentBuilder()
                .withNewMetadata().withName(app.name()).withNamespace(app.namespace()).withLabels(labels).endMetadata()
                .withNewSpec().withReplicas(app.replicas())
                .withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName(app.name()).withImage(app.image()).endContainer().endSpec()
                .endTemplate().endSpec()
                .build();
    }

    /** A pod for {@code deployment}'s template, named by the server ({@code generateName}), bound to {@code node}. */
    static Pod pod(Deployment deployment, String node) {
        var template = deployment.getSpec().getTemplate();
        return new PodBuilder()
                .withNewMetadata().withGenerateName(deployment.getMetadata().getName() + "-")
                .withNamespace(deployment.getMetadata().getNamespace())
                .withLabels(template.getMetadata().getLabels()).endMetadata()
                .withSpec(new PodSpecBuilder(template.getSpec()).withNodeName(node).build())
                .build();
    }

    private static String suffix(RandomGenerator random) {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
