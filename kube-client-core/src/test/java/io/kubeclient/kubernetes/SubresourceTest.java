package io.kubeclient.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.BindingBuilder;
import io.fabric8.kubernetes.api.model.DeleteOptionsBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.LocalSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.LocalSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.Eviction;
import io.fabric8.kubernetes.api.model.policy.v1.EvictionBuilder;
import io.kubeclient.apimachinery.errors.Errors;
import io.kubeclient.apimachinery.meta.ApplyOptions;
import io.kubeclient.apimachinery.meta.UpdateOptions;
import io.kubeclient.rest.InvalidRequestException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class SubresourceTest extends ClientsetTestSupport {

    private static final String POD = "{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"web\",\"namespace\":\"ns1\"}}";
    private static final String DEPLOYMENT = "{\"kind\":\"Deployment\",\"apiVersion\":\"apps/v1\",\"metadata\":{\"name\":\"web\"}}";
    private static final String SCALE = "{\"kind\":\"Scale\",\"apiVersion\":\"autoscaling/v1\",\"metadata\":{\"name\":\"web\"},"
            + "\"spec\":{\"replicas\":3},\"status\":{\"replicas\":2}}";

    private static Pod pod() {
        return new PodBuilder().withNewMetadata().withName("web").endMetadata().build();
    }

    @Test
    void updateStatusPutsToStatus() throws Exception {
        enqueueJson(200, DEPLOYMENT);
        Deployment d = new DeploymentBuilder().withNewMetadata().withName("web").endMetadata().withNewStatus()
                .withReplicas(2).endStatus().build();
        cs.appsV1().deployments("ns1").updateStatus(d, UpdateOptions.builder().fieldManager("me").build());
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("PUT");
        assertThat(r.getTarget()).isEqualTo("/apis/apps/v1/namespaces/ns1/deployments/web/status?fieldManager=me");
        assertThat(r.getBody().utf8()).contains("\"status\":{\"replicas\":2}");
    }

    @Test
    void applyStatusPatchesStatusOfAClusterScopedResource() throws Exception {
        enqueueJson(200, "{\"kind\":\"Node\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"n1\"}}");
        cs.coreV1().nodes().applyStatus(new NodeBuilder().withNewMetadata().withName("n1")
                .endMetadata().build(), ApplyOptions.of("kubelet"));
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("PATCH");
        assertThat(r.getTarget()).isEqualTo("/api/v1/nodes/n1/status?fieldManager=kubelet&force=false");
        assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/apply-patch+yaml");
    }

    @Test
    void getScaleReadsAutoscalingV1Scale() throws Exception {
        enqueueJson(200, SCALE);
        Scale scale = cs.appsV1().statefulSets("ns1").getScale("web");
        assertThat(scale.getSpec().getReplicas()).isEqualTo(3);
        assertThat(scale.getStatus().getReplicas()).isEqualTo(2);
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getTarget()).isEqualTo("/apis/apps/v1/namespaces/ns1/statefulsets/web/scale");
    }

    @Test
    void updateScalePutsTheScale() throws Exception {
        enqueueJson(200, SCALE);
        Scale scale = new ScaleBuilder().withNewMetadata().withName("web").endMetadata().withNewSpec().withReplicas(3)
                .endSpec().build();
        cs.coreV1().replicationControllers("ns1").updateScale("web", scale);
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("PUT");
        assertThat(r.getTarget()).isEqualTo("/api/v1/namespaces/ns1/replicationcontrollers/web/scale");
        assertThat(r.getBody().utf8()).contains("\"kind\":\"Scale\"", "\"replicas\":3");
    }

    @Test
    void applyScaleSendsOnlyTheReplicasAndFillsTheName() throws Exception {
        enqueueJson(200, SCALE);
        Scale scale = new ScaleBuilder().withNewSpec().withReplicas(5).endSpec().build();
        cs.appsV1().replicaSets("ns1").applyScale("web", scale, ApplyOptions.builder().fieldManager("hpa").force(true).build());
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("PATCH");
        assertThat(r.getTarget()).isEqualTo("/apis/apps/v1/namespaces/ns1/replicasets/web/scale?fieldManager=hpa&force=true");
        assertThat(r.getBody().utf8()).isEqualTo("{\"apiVersion\":\"autoscaling/v1\",\"kind\":\"Scale\","
                + "\"metadata\":{\"name\":\"web\"},\"spec\":{\"replicas\":5}}");
    }

    @Test
    void applyScaleRejectsAMismatchedName() {
        Scale scale = new ScaleBuilder().withNewMetadata().withName("other").endMetadata().build();
        assertThatThrownBy(() -> cs.appsV1().deployments("ns1").applyScale("web", scale, ApplyOptions.of("m")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("\"other\"");
        assertNoRequest();
    }

    @Test
    void evictPostsAPolicyV1Eviction() throws Exception {
        enqueueJson(201, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Success\"}");
        Eviction eviction = new EvictionBuilder().withNewMetadata().withName("web").withNamespace("ns1").endMetadata()
                .withDeleteOptions(new DeleteOptionsBuilder().withGracePeriodSeconds(5L).build()).build();
        cs.coreV1().pods("ns1").evict(eviction);
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getTarget()).isEqualTo("/api/v1/namespaces/ns1/pods/web/eviction");
        assertThat(r.getBody().utf8()).contains("\"apiVersion\":\"policy/v1\"", "\"kind\":\"Eviction\"",
                "\"gracePeriodSeconds\":5");
    }

    @Test
    void evictBlockedByABudgetThrowsTooManyRequests() {
        enqueueJson(429, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"TooManyRequests\","
                + "\"code\":429,\"message\":\"Cannot evict pod as it would violate the pod's disruption budget.\"}");
        Eviction eviction = new EvictionBuilder().withNewMetadata().withName("web").endMetadata().build();
        assertThatThrownBy(() -> cs.coreV1().pods("ns1").evict(eviction))
                .satisfies(e -> assertThat(Errors.isTooManyRequests(e)).isTrue());
    }

    @Test
    void bindPostsTheBinding() throws Exception {
        enqueueJson(201, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Success\"}");
        Binding binding = new BindingBuilder().withNewMetadata().withName("web").endMetadata().withNewTarget()
                .withKind("Node").withName("n1").endTarget().build();
        cs.coreV1().pods("ns1").bind(binding);
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getTarget()).isEqualTo("/api/v1/namespaces/ns1/pods/web/binding");
        assertThat(r.getBody().utf8()).contains("\"kind\":\"Binding\"", "\"target\":{\"kind\":\"Node\",\"name\":\"n1\"}");
    }

    @Test
    void updateEphemeralContainersPutsToItsSubresource() throws Exception {
        enqueueJson(200, POD);
        cs.coreV1().pods("ns1").updateEphemeralContainers("web", pod(), UpdateOptions.empty());
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("PUT");
        assertThat(r.getTarget()).isEqualTo("/api/v1/namespaces/ns1/pods/web/ephemeralcontainers");
    }

    @Test
    void updateResizePutsToItsSubresource() throws Exception {
        enqueueJson(200, POD);
        Pod resized = cs.coreV1().pods("ns1").updateResize("web", pod(), UpdateOptions.empty());
        assertThat(resized.getMetadata().getName()).isEqualTo("web");
        assertThat(take().getTarget()).isEqualTo("/api/v1/namespaces/ns1/pods/web/resize");
    }

    @Test
    void getLogsStreamsTheLogWithEveryOption() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain")
                .body("line 1\nline 2\n").build());
        PodLogOptions options = PodLogOptions.builder().container("app").follow(true).previous(true)
                .sinceTime(Instant.parse("2024-05-01T10:00:00.750Z")).timestamps(true).tailLines(10).limitBytes(4096)
                .insecureSkipTlsVerifyBackend(true).stream(PodLogOptions.Stream.ALL).build();
        try (InputStream in = cs.coreV1().pods("ns1").getLogs("web", options)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("line 1\nline 2\n");
        }
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/ns1/pods/web/log");
        assertThat(r.getUrl().queryParameter("container")).isEqualTo("app");
        assertThat(r.getUrl().queryParameter("follow")).isEqualTo("true");
        assertThat(r.getUrl().queryParameter("previous")).isEqualTo("true");
        assertThat(r.getUrl().queryParameter("sinceTime")).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(r.getUrl().queryParameter("timestamps")).isEqualTo("true");
        assertThat(r.getUrl().queryParameter("tailLines")).isEqualTo("10");
        assertThat(r.getUrl().queryParameter("limitBytes")).isEqualTo("4096");
        assertThat(r.getUrl().queryParameter("insecureSkipTLSVerifyBackend")).isEqualTo("true");
        assertThat(r.getUrl().queryParameter("stream")).isEqualTo("All");
    }

    @Test
    void getLogsWithoutOptionsSendsNoQueryAndSinceSecondsIsSent() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("x").build());
        cs.coreV1().pods("ns1").getLogs("web").close();
        assertThat(take().getTarget()).isEqualTo("/api/v1/namespaces/ns1/pods/web/log");
        server.enqueue(new MockResponse.Builder().code(200).body("x").build());
        cs.coreV1().pods("ns1").getLogs("web", PodLogOptions.builder().sinceSeconds(60).build()).close();
        assertThat(take().getTarget()).isEqualTo("/api/v1/namespaces/ns1/pods/web/log?sinceSeconds=60");
    }

    @Test
    void getLogsOfAMissingPodThrowsNotFound() {
        enqueueJson(404, status404("pods", "web"));
        assertThatThrownBy(() -> cs.coreV1().pods("ns1").getLogs("web"))
                .satisfies(e -> assertThat(Errors.isNotFound(e)).isTrue());
    }

    @Test
    void podLogOptionsRejectContradictions() {
        assertThatThrownBy(() -> PodLogOptions.builder().sinceSeconds(5).sinceTime(Instant.EPOCH).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PodLogOptions.builder().tailLines(5).stream(PodLogOptions.Stream.STDERR).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PodLogOptions.builder().sinceSeconds(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PodLogOptions.builder().limitBytes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PodLogOptions.builder().tailLines(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void createTokenPostsATokenRequest() throws Exception {
        enqueueJson(201, "{\"kind\":\"TokenRequest\",\"apiVersion\":\"authentication.k8s.io/v1\","
                + "\"metadata\":{\"name\":\"builder\"},\"status\":{\"token\":\"abc\"}}");
        TokenRequest request = new TokenRequestBuilder().withNewSpec().withAudiences("api").withExpirationSeconds(600L)
                .endSpec().build();
        TokenRequest answer = cs.coreV1().serviceAccounts("ns1").createToken("builder", request);
        assertThat(answer.getStatus().getToken()).isEqualTo("abc");
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getTarget()).isEqualTo("/api/v1/namespaces/ns1/serviceaccounts/builder/token");
        assertThat(r.getBody().utf8()).contains("\"kind\":\"TokenRequest\"", "\"audiences\":[\"api\"]",
                "\"expirationSeconds\":600");
    }

    @Test
    void finalizePutsToTheNamespacesFinalizeSubresource() throws Exception {
        enqueueJson(200, "{\"kind\":\"Namespace\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"ns1\"}}");
        Namespace ns = new NamespaceBuilder().withNewMetadata().withName("ns1").endMetadata().withNewSpec()
                .withFinalizers("kubernetes").endSpec().build();
        cs.coreV1().namespaces().finalize(ns);
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("PUT");
        assertThat(r.getTarget()).isEqualTo("/api/v1/namespaces/ns1/finalize");
        assertThat(r.getBody().utf8()).contains("\"finalizers\":[\"kubernetes\"]");
    }

    @Test
    void reviewApisOnlyCreate() throws Exception {
        enqueueJson(201, "{\"kind\":\"TokenReview\",\"apiVersion\":\"authentication.k8s.io/v1\","
                + "\"status\":{\"authenticated\":true,\"user\":{\"username\":\"alice\"}}}");
        TokenReview review = cs.authenticationV1().tokenReviews().create(new TokenReviewBuilder().withNewSpec()
                .withToken("t").endSpec().build());
        assertThat(review.getStatus().getAuthenticated()).isTrue();
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getTarget()).isEqualTo("/apis/authentication.k8s.io/v1/tokenreviews");

        enqueueJson(201, "{\"kind\":\"LocalSubjectAccessReview\",\"apiVersion\":\"authorization.k8s.io/v1\","
                + "\"status\":{\"allowed\":true}}");
        LocalSubjectAccessReview local = cs.authorizationV1().localSubjectAccessReviews("ns1").create(
                new LocalSubjectAccessReviewBuilder().withNewSpec().withUser("alice").withNewResourceAttributes()
                        .withVerb("get").withResource("pods").withNamespace("ns1").endResourceAttributes().endSpec().build());
        assertThat(local.getStatus().getAllowed()).isTrue();
        assertThat(take().getTarget()).isEqualTo("/apis/authorization.k8s.io/v1/namespaces/ns1/localsubjectaccessreviews");
    }

    @Test
    void namespacedReviewNeedsANamespace() {
        assertThatThrownBy(() -> cs.authorizationV1().localSubjectAccessReviews("").create(new LocalSubjectAccessReview()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("namespace");
        assertNoRequest();
    }

    @Test
    void subresourceCallsValidateNamesFirst() {
        assertThatThrownBy(() -> cs.coreV1().pods("ns1").getLogs("a/b")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> cs.appsV1().deployments("ns1").getScale("..")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> cs.coreV1().serviceAccounts("ns1").createToken("", new TokenRequest()))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> cs.coreV1().pods("ns1").evict(new Eviction()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("metadata.name");
        assertNoRequest();
    }
}
