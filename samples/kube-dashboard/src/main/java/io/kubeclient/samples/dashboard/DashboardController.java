package io.kubeclient.samples.dashboard;

import io.kubeclient.apimachinery.errors.StatusException;
import io.kubeclient.apimachinery.meta.ApplyOptions;
import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.rest.InvalidRequestException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The page's data: a snapshot, a server-sent event stream, the client panel, and two actions. */
@RestController
@RequestMapping("/api")
class DashboardController {

    /** The field manager the dashboard's server-side applies use. */
    static final String FIELD_MANAGER = "kube-dashboard";

    private final ClusterView view;
    private final ClientPanel panel;
    private final Clientset clientset;

    DashboardController(ClusterView view, ClientPanel panel, Clientset clientset) {
        this.view = view;
        this.panel = panel;
        this.clientset = clientset;
    }

    @GetMapping("/state")
    Views.Snapshot state() {
        return this.view.snapshot();
    }

    @GetMapping(path = "/events", produces = "text/event-stream")
    SseEmitter events() {
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        this.view.subscribe(emitter);
        return emitter;
    }

    @GetMapping("/client")
    ClientPanel.Numbers client() {
        return this.panel.read();
    }

    /** The request body of a scale action. */
    record ScaleRequest(Integer replicas) {}

    /**
     * Scales a deployment by server-side apply of {@code spec.replicas} alone as the
     * {@code kube-dashboard} field manager, forcing ownership of that field the way
     * {@code kubectl scale} takes it over.
     */
    @PostMapping("/namespaces/{namespace}/deployments/{name}/scale")
    ResponseEntity<Map<String, Object>> scale(@PathVariable String namespace, @PathVariable String name,
            @RequestBody ScaleRequest request) {
        if (request == null || request.replicas() == null || request.replicas() < 0 || request.replicas() > 50) {
            return ResponseEntity.badRequest().body(Map.of("message", "replicas must be between 0 and 50"));
        }
        // Apply would create a deployment that does not exist; read it first so that a typo is a 404.
        this.clientset.appsV1().deployments(namespace).get(name);
        var applied = this.clientset.appsV1().deployments(namespace).apply(
                Simulator.replicas(namespace, name, request.replicas()),
                ApplyOptions.builder().fieldManager(FIELD_MANAGER).force(true).build());
        return ResponseEntity.ok(Map.of("namespace", namespace, "name", name, "replicas",
                applied.getSpec().getReplicas()));
    }

    @DeleteMapping("/namespaces/{namespace}/pods/{name}")
    ResponseEntity<Void> deletePod(@PathVariable String namespace, @PathVariable String name) {
        this.clientset.coreV1().pods(namespace).delete(name);
        return ResponseEntity.accepted().build();
    }

    /** The API server's refusal, passed on with its code and message (404 for a pod already gone, ...). */
    @ExceptionHandler(StatusException.class)
    ResponseEntity<Map<String, Object>> status(StatusException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        int code = (e.code() >= 400 && e.code() < 600) ? e.code() : 502;
        body.put("reason", e.status().getReason());
        body.put("message", e.status().getMessage());
        return ResponseEntity.status(HttpStatus.valueOf(code)).body(body);
    }

    /** Bad names and the like, refused by the client before any request. */
    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidRequestException e) {
        return ResponseEntity.badRequest().body(Map.of("message", String.valueOf(e.getMessage())));
    }
}
