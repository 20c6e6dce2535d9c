package io.kubeclient.samples.walkthrough;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.kubeclient.KubeException;
import io.kubeclient.apimachinery.errors.Errors;
import io.kubeclient.apimachinery.meta.ApplyOptions;
import io.kubeclient.apimachinery.meta.DeleteOptions;
import io.kubeclient.apimachinery.meta.ListOptions;
import io.kubeclient.apimachinery.meta.PatchType;
import io.kubeclient.apimachinery.schema.GroupKind;
import io.kubeclient.apimachinery.schema.GroupVersion;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import io.kubeclient.clientcmd.Clientcmd;
import io.kubeclient.discovery.DiscoveryClient;
import io.kubeclient.discovery.MemCacheDiscoveryClient;
import io.kubeclient.discovery.VersionInfo;
import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.rest.RESTClient;
import io.kubeclient.rest.RestConfig;
import io.kubeclient.rest.Table;
import io.kubeclient.restmapper.DeferredDiscoveryRESTMapper;
import io.kubeclient.restmapper.RESTMapping;
import io.kubeclient.testing.FakeApiServer;
import io.kubeclient.watch.Event;
import io.kubeclient.watch.EventType;
import io.kubeclient.watch.Watch;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * kube-client without Spring, one step at a time: load a kubeconfig, list with a label selector,
 * create and get a pod, handle NotFound, apply and patch a deployment, watch, use the RESTClient
 * directly, ask for a Table, and run discovery and the RESTMapper.
 *
 * <p>By default it starts an in-process fake API server (from {@code kube-client-testing}) and writes
 * a kubeconfig for it; with {@code --kubeconfig <file>} it uses that cluster instead, working in a
 * namespace of its own that it deletes at the end.
 */
public final class Walkthrough {

    static final String NAMESPACE = "kube-client-walkthrough";
    static final String FIELD_MANAGER = "walkthrough";

    private final PrintStream out;
    private int step;

    private Walkthrough(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        int code = run(args, System.out);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the walkthrough and returns the process exit code. */
    static int run(String[] args, PrintStream out) throws Exception {
        String kubeconfig = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--kubeconfig") && i + 1 < args.length) {
                kubeconfig = args[++i];
            } else if (args[i].startsWith("--kubeconfig=")) {
                kubeconfig = args[i].substring("--kubeconfig=".length());
            } else {
                out.println("usage: Walkthrough [--kubeconfig <file>]");
                return 2;
            }
        }
        Walkthrough walkthrough = new Walkthrough(out);
        if (kubeconfig != null) {
            walkthrough.against(Path.of(kubeconfig));
            return 0;
        }
        try (FakeApiServer server = FakeApiServer.builder().start()) {
            out.println("Started an in-process fake API server at " + server.url()
                    + " (pass --kubeconfig <file> to use a real cluster)");
            Path file = Files.createTempFile("walkthrough-kubeconfig", ".yaml");
            try {
                Files.writeString(file, kubeconfigFor(server));
                walkthrough.against(file);
            } finally {
                Files.deleteIfExists(file);
            }
        }
        return 0;
    }

    /** What {@code kind} or {@code minikube} would write for their cluster, pointing at the fake server. */
    private static String kubeconfigFor(FakeApiServer server) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: fake
                  cluster:
                    server: %s
                users:
                - name: developer
                  user: {}
                contexts:
                - name: fake
                  context:
                    cluster: fake
                    user: developer
                    namespace: default
                current-context: fake
                """.formatted(server.url());
    }

    private void against(Path kubeconfig) throws Exception {
        heading("Load the kubeconfig");
        RestConfig config = Clientcmd.buildConfigFromFlags("", kubeconfig.toString());
        this.out.println("  " + kubeconfig + " -> server " + config.host());

        try (Clientset clientset = Clientset.newForConfig(config)) {
            createNamespace(clientset);
            try {
                pods(clientset);
                deployments(clientset);
                watch(clientset);
                restClient(config);
                discoveryAndMapping(config);
            } finally {
                heading("Clean up");
                clientset.coreV1().namespaces().delete(NAMESPACE);
                this.out.println("  deleted namespace " + NAMESPACE);
            }
        }
        this.out.println();
        this.out.println("Done: " + this.step + " steps.");
    }

    private void createNamespace(Clientset clientset) {
        heading("Create a namespace (AlreadyExists is fine)");
        Namespace ns = new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build();
        try {
            clientset.coreV1().namespaces().create(ns);
            this.out.println("  created namespace " + NAMESPACE);
        } catch (KubeException e) {
            if (!Errors.isAlreadyExists(e)) {
                throw e;
            }
            this.out.println("  namespace " + NAMESPACE + " already exists");
        }
    }

    private void pods(Clientset clientset) {
        var pods = clientset.coreV1().pods(NAMESPACE);

        heading("Create pods");
        pods.create(pod("web-1", Map.of("app", "web", "tier", "frontend")));
        pods.create(pod("web-2", Map.of("app", "web", "tier", "frontend")));
        pods.create(pod("db-1", Map.of("app", "db", "tier", "backend")));
        this.out.println("  created web-1, web-2, db-1");

        heading("List pods with a label selector");
        String selector = "app in (web, api), tier=frontend";
        PodList list = pods.list(ListOptions.builder().labelSelector(selector).build());
        this.out.println("  " + selector + " -> " + names(list.getItems()) + " at resourceVersion "
                + list.getMetadata().getResourceVersion());

        heading("Get a pod");
        Pod web1 = pods.get("web-1");
        this.out.println("  web-1: uid " + web1.getMetadata().getUid() + ", created "
                + web1.getMetadata().getCreationTimestamp());

        heading("Handle NotFound with Errors.isNotFound");
        try {
            pods.get("does-not-exist");
            throw new IllegalStateException("expected NotFound");
        } catch (KubeException e) {
            if (!Errors.isNotFound(e)) {
                throw e;
            }
            this.out.println("  not found, as expected: " + e.getMessage());
        }
    }

    private void deployments(Clientset clientset) {
        var deployments = clientset.appsV1().deployments(NAMESPACE);

        heading("Server-side apply a deployment (creates it)");
        Deployment applied = deployments.apply(deployment(2), ApplyOptions.of(FIELD_MANAGER));
        this.out.println("  applied as " + FIELD_MANAGER + ": replicas " + applied.getSpec().getReplicas()
                + ", generation " + applied.getMetadata().getGeneration());

        heading("Merge-patch the deployment");
        Deployment patched = deployments.patch("hello", PatchType.MERGE,
                "{\"metadata\":{\"labels\":{\"team\":\"platform\"}}}");
        this.out.println("  labels now " + patched.getMetadata().getLabels());

        heading("Apply again: change what this manager owns");
        Deployment reapplied = deployments.apply(deployment(3), ApplyOptions.of(FIELD_MANAGER));
        this.out.println("  replicas " + reapplied.getSpec().getReplicas() + ", managers "
                + reapplied.getMetadata().getManagedFields().stream().map((m) -> m.getManager() + "/"
                        + m.getOperation()).toList());

        heading("A conflicting apply from another manager, then forced");
        Deployment other = deployment(5);
        try {
            deployments.apply(other, ApplyOptions.of("other-tool"));
            throw new IllegalStateException("expected a conflict");
        } catch (KubeException e) {
            if (!Errors.isConflict(e)) {
                throw e;
            }
            this.out.println("  conflict, as expected: " + e.getMessage());
        }
        Deployment forced = deployments.apply(other, ApplyOptions.builder().fieldManager("other-tool").force(true).build());
        this.out.println("  forced: replicas " + forced.getSpec().getReplicas());
    }

    private void watch(Clientset clientset) throws InterruptedException {
        var pods = clientset.coreV1().pods(NAMESPACE);
        heading("Watch pods from a list's resourceVersion");
        String rv = pods.list().getMetadata().getResourceVersion();
        BlockingQueue<Event<Pod>> events = new LinkedBlockingQueue<>();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (Watch<Pod> watch = pods.watch(ListOptions.builder().resourceVersion(rv).labelSelector("app=worker")
                .build())) {
            watch.consumeAsync(events::add, reader);
            pods.create(pod("worker-1", Map.of("app", "worker")));
            pods.delete("worker-1", DeleteOptions.builder().gracePeriodSeconds(0).build());
            expect(events, EventType.ADDED, "worker-1");
            Event<Pod> deleted;
            do {
                deleted = next(events);
                this.out.println("  " + deleted.type() + " " + deleted.object().getMetadata().getName());
            } while (deleted.type() != EventType.DELETED);
        } finally {
            reader.shutdownNow();
        }
    }

    private void restClient(RestConfig config) {
        heading("Use the RESTClient directly");
        RESTClient rest = RESTClient.forConfig(config.toBuilder().apiPath("/api").groupVersion(GroupVersion.of("", "v1")).build());
        try {
            PodList list = rest.get().namespace(NAMESPACE).resource("pods").param("limit", "2").execute()
                    .into(PodList.class);
            this.out.println("  GET " + rest.get().namespace(NAMESPACE).resource("pods").url() + "?limit=2 -> "
                    + names(list.getItems()) + (list.getMetadata().getContinue() != null ? " (more to come)" : ""));

            heading("Ask for a Table, as kubectl get does");
            Table table = rest.get().namespace(NAMESPACE).resource("pods").asTable().execute().into(Table.class);
            this.out.println("  " + table.columnDefinitions().stream().map(Table.ColumnDefinition::name).toList());
            for (Table.Row row : table.rows()) {
                this.out.println("  " + row.cells());
            }
        } finally {
            rest.close();
        }
    }

    private void discoveryAndMapping(RestConfig config) {
        try (DiscoveryClient discovery = DiscoveryClient.newForConfig(config)) {
            heading("Discovery");
            VersionInfo version = discovery.serverVersion();
            this.out.println("  server " + version.gitVersion() + ", groups "
                    + discovery.serverGroups().getGroups().stream().map((g) -> g.getName().isEmpty() ? "core" : g.getName())
                            .toList());

            heading("RESTMapper: kinds to resources and back");
            DeferredDiscoveryRESTMapper mapper = new DeferredDiscoveryRESTMapper(new MemCacheDiscoveryClient(discovery));
            RESTMapping mapping = mapper.restMapping(GroupKind.of("apps", "Deployment"));
            this.out.println("  apps/Deployment -> " + mapping.resource() + " (" + mapping.scope() + ")");
            this.out.println("  pods -> " + mapper.kindFor(GroupVersionResource.of("", "", "pods")));
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private void heading(String title) {
        this.out.println();
        this.out.println(++this.step + ". " + title);
    }

    private void expect(BlockingQueue<Event<Pod>> events, EventType type, String name) throws InterruptedException {
        Event<Pod> e = next(events);
        this.out.println("  " + e.type() + " " + e.object().getMetadata().getName());
        if (e.type() != type || !name.equals(e.object().getMetadata().getName())) {
            throw new IllegalStateException("expected " + type + " " + name + ", got " + e.type());
        }
    }

    private static Event<Pod> next(BlockingQueue<Event<Pod>> events) throws InterruptedException {
        Event<Pod> e = events.poll(30, TimeUnit.SECONDS);
        if (e == null) {
            throw new IllegalStateException("no watch event within 30 seconds");
        }
        return e;
    }

    private static List<String> names(List<? extends io.fabric8.kubernetes.api.model.HasMetadata> items) {
        return items.stream().map((i) -> i.getMetadata().getName()).toList();
    }

    static Pod pod(String name, Map<String, String> labels) {
        return new PodBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("main").withImage("registry.k8s.io/pause:3.10").endContainer()
                .endSpec().build();
    }

    /** The apply configuration: only the fields this manager cares about. */
    static Deployment deployment(int replicas) {
        Map<String, String> labels = Map.of("app", "hello");
        return new DeploymentBuilder().withApiVersion("apps/v1").withKind("Deployment")
                .withNewMetadata().withName("hello").withNamespace(NAMESPACE).endMetadata()
                .withNewSpec().withReplicas(replicas)
                .withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("hello").withImage("nginx:1.27").endContainer().endSpec()
                .endTemplate().endSpec()
                .build();
    }

}
