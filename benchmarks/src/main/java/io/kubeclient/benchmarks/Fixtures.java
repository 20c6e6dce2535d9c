package io.kubeclient.benchmarks;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Deterministic, realistic payloads shared by every benchmark: the same bytes for every client. */
final class Fixtures {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Fixtures() {}

    /** A PodList of {@code count} pods of about 5 KB each. */
    static byte[] podList(int count) {
        ObjectNode list = F.objectNode();
        list.put("kind", "PodList");
        list.put("apiVersion", "v1");
        list.putObject("metadata").put("resourceVersion", "987654");
        ArrayNode items = list.putArray("items");
        for (int i = 0; i < count; i++) {
            items.add(pod(i, "1000" + i));
        }
        return MAPPER.writeValueAsBytes(list);
    }

    /** One watch stream of {@code count} MODIFIED events, one JSON frame per line. */
    static byte[] watchEvents(int count) {
        StringBuilder sb = new StringBuilder(count * 5200);
        for (int i = 0; i < count; i++) {
            ObjectNode ev = F.objectNode();
            ev.put("type", "MODIFIED");
            ev.set("object", pod(i % 500, Integer.toString(2_000_000 + i)));
            sb.append(MAPPER.writeValueAsString(ev)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A ConfigMap of about 1 KB. */
    static byte[] configMap() {
        return configMapWithKeys(14);
    }

    /**
     * The ConfigMap above with more data entries, at least {@code minBytes} of JSON: for GETs of other
     * sizes (the transport receives bodies of up to 32 KiB whole and streams larger ones).
     */
    static byte[] configMap(int minBytes) {
        int keys = 14;
        byte[] json = configMapWithKeys(keys);
        while (json.length < minBytes) {
            keys += Math.max(1, (minBytes - json.length) / 60);
            json = configMapWithKeys(keys);
        }
        return json;
    }

    private static byte[] configMapWithKeys(int keys) {
        ObjectNode cm = F.objectNode();
        cm.put("kind", "ConfigMap");
        cm.put("apiVersion", "v1");
        ObjectNode md = cm.putObject("metadata");
        md.put("name", "bench");
        md.put("namespace", "default");
        md.put("uid", "5f3c2a9e-7d1b-4e0a-9c55-1a2b3c4d5e6f");
        md.put("resourceVersion", "424242");
        md.put("creationTimestamp", "2026-01-02T03:04:05Z");
        md.putObject("labels").put("app", "bench").put("tier", "backend");
        ObjectNode data = cm.putObject("data");
        for (int i = 0; i < keys; i++) {
            data.put("key-" + i, "value-" + i + "-abcdefghijklmnopqrstuvwxyz0123456789");
        }
        return MAPPER.writeValueAsBytes(cm);
    }

    static ObjectNode pod(int i, String resourceVersion) {
        String name = "web-" + Integer.toHexString(0x10000 + i) + "-x7k2p";
        ObjectNode pod = F.objectNode();
        pod.put("kind", "Pod");
        pod.put("apiVersion", "v1");
        ObjectNode md = pod.putObject("metadata");
        md.put("name", name);
        md.put("generateName", "web-" + Integer.toHexString(0x10000 + i) + "-");
        md.put("namespace", "team-" + (i % 20));
        md.put("uid", String.format("%08x-1234-4abc-9def-%012x", i, (long) i * 7919));
        md.put("resourceVersion", resourceVersion);
        md.put("creationTimestamp", "2026-03-04T05:06:07Z");
        md.putObject("labels").put("app", "web").put("pod-template-hash", "6d4cf56db6")
                .put("team", "team-" + (i % 20)).put("version", "v" + (i % 3));
        md.putObject("annotations").put("kubectl.kubernetes.io/restartedAt", "2026-03-04T05:00:00Z")
                .put("prometheus.io/scrape", "true").put("prometheus.io/port", "9090");
        ObjectNode owner = md.putArray("ownerReferences").addObject();
        owner.put("apiVersion", "apps/v1").put("kind", "ReplicaSet").put("name", "web-6d4cf56db6")
                .put("uid", "1b2c3d4e-aaaa-bbbb-cccc-0123456789ab").put("controller", true)
                .put("blockOwnerDeletion", true);

        ObjectNode spec = pod.putObject("spec");
        ArrayNode volumes = spec.putArray("volumes");
        volumes.addObject().put("name", "config").putObject("configMap").put("name", "web-config").put("defaultMode", 420);
        ObjectNode projected = volumes.addObject().put("name", "kube-api-access-" + (i % 1000));
        ArrayNode sources = projected.putObject("projected").put("defaultMode", 420).putArray("sources");
        sources.addObject().putObject("serviceAccountToken").put("expirationSeconds", 3607).put("path", "token");
        sources.addObject().putObject("configMap").put("name", "kube-root-ca.crt")
                .putArray("items").addObject().put("key", "ca.crt").put("path", "ca.crt");
        ArrayNode containers = spec.putArray("containers");
        for (int c = 0; c < 2; c++) {
            ObjectNode ctr = containers.addObject();
            ctr.put("name", c == 0 ? "app" : "sidecar");
            ctr.put("image", c == 0 ? "registry.example.com/web/app:1.27." + (i % 10) : "registry.example.com/proxy:2.4.1");
            ctr.putArray("args").add("--port=8080").add("--log-level=info").add("--metrics");
            ArrayNode ports = ctr.putArray("ports");
            ports.addObject().put("name", "http").put("containerPort", 8080 + c).put("protocol", "TCP");
            ports.addObject().put("name", "metrics").put("containerPort", 9090 + c).put("protocol", "TCP");
            ArrayNode env = ctr.putArray("env");
            for (int e = 0; e < 4; e++) {
                env.addObject().put("name", "ENV_VAR_" + e).put("value", "value-" + e + "-" + i);
            }
            env.addObject().put("name", "POD_NAME").putObject("valueFrom").putObject("fieldRef")
                    .put("apiVersion", "v1").put("fieldPath", "metadata.name");
            ObjectNode res = ctr.putObject("resources");
            res.putObject("requests").put("cpu", "250m").put("memory", "256Mi");
            res.putObject("limits").put("cpu", "1").put("memory", "512Mi");
            ctr.putArray("volumeMounts").addObject().put("name", "config").put("mountPath", "/etc/web").put("readOnly", true);
            ObjectNode probe = ctr.putObject("readinessProbe");
            probe.putObject("httpGet").put("path", "/healthz").put("port", 8080).put("scheme", "HTTP");
            probe.put("initialDelaySeconds", 5).put("timeoutSeconds", 1).put("periodSeconds", 10)
                    .put("successThreshold", 1).put("failureThreshold", 3);
            ctr.put("terminationMessagePath", "/dev/termination-log");
            ctr.put("terminationMessagePolicy", "File");
            ctr.put("imagePullPolicy", "IfNotPresent");
        }
        spec.put("restartPolicy", "Always");
        spec.put("terminationGracePeriodSeconds", 30);
        spec.put("dnsPolicy", "ClusterFirst");
        spec.put("serviceAccountName", "web");
        spec.put("nodeName", "node-" + (i % 50));
        spec.put("schedulerName", "default-scheduler");
        ArrayNode tolerations = spec.putArray("tolerations");
        tolerations.addObject().put("key", "node.kubernetes.io/not-ready").put("operator", "Exists")
                .put("effect", "NoExecute").put("tolerationSeconds", 300);
        tolerations.addObject().put("key", "node.kubernetes.io/unreachable").put("operator", "Exists")
                .put("effect", "NoExecute").put("tolerationSeconds", 300);
        spec.put("priority", 0);
        spec.put("enableServiceLinks", true);
        spec.put("preemptionPolicy", "PreemptLowerPriority");

        ObjectNode status = pod.putObject("status");
        status.put("phase", "Running");
        ArrayNode conds = status.putArray("conditions");
        for (String t : new String[] {"PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"}) {
            conds.addObject().put("type", t).put("status", "True").putNull("lastProbeTime")
                    .put("lastTransitionTime", "2026-03-04T05:06:1" + (i % 10) + "Z");
        }
        status.put("hostIP", "10.0." + (i % 50) + ".1");
        status.putArray("hostIPs").addObject().put("ip", "10.0." + (i % 50) + ".1");
        status.put("podIP", "10.244." + (i % 250) + "." + (i % 200));
        status.putArray("podIPs").addObject().put("ip", "10.244." + (i % 250) + "." + (i % 200));
        status.put("startTime", "2026-03-04T05:06:07Z");
        ArrayNode css = status.putArray("containerStatuses");
        for (int c = 0; c < 2; c++) {
            ObjectNode cs = css.addObject();
            cs.put("name", c == 0 ? "app" : "sidecar");
            cs.putObject("state").putObject("running").put("startedAt", "2026-03-04T05:06:09Z");
            cs.putObject("lastState");
            cs.put("ready", true).put("restartCount", i % 3);
            cs.put("image", c == 0 ? "registry.example.com/web/app:1.27." + (i % 10) : "registry.example.com/proxy:2.4.1");
            cs.put("imageID", "registry.example.com/web/app@sha256:" + "0123456789abcdef".repeat(4));
            cs.put("containerID", "containerd://" + "fedcba9876543210".repeat(4));
            cs.put("started", true);
        }
        status.put("qosClass", "Burstable");
        return pod;
    }
}
