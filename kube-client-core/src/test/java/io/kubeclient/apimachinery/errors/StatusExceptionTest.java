package io.kubeclient.apimachinery.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.kubeclient.KubeException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusExceptionTest {

    @Test
    void messageIsTheStatusMessageVerbatim() {
        StatusException e = new StatusException(new StatusBuilder().withCode(404).withReason("NotFound")
                .withMessage("pods \"x\" not found").build());
        assertThat(e).hasMessage("pods \"x\" not found").isInstanceOf(KubeException.class);
        assertThat(e.code()).isEqualTo(404);
        assertThat(e.reason()).isEqualTo(StatusReason.NOT_FOUND);
    }

    @Test
    void nullStatusBecomesAPlaceholder() {
        StatusException e = new StatusException(null);
        assertThat(e.status()).isNotNull();
        assertThat(e.status().getStatus()).isEqualTo("Failure");
        assertThat(e.code()).isZero();
        assertThat(e.reason()).isEqualTo(StatusReason.UNKNOWN);
        assertThat(e.getMessage()).isNotBlank();
    }

    @Test
    void missingMessageDescribesCodeAndReason() {
        StatusException e = new StatusException(new StatusBuilder().withCode(409).withReason("Conflict").build());
        assertThat(e).hasMessage("the server returned a Status with code 409 and reason Conflict but no message");
        assertThat(new StatusException(new Status())).hasMessage("the server returned a Status with code 0 but no message");
    }

    @Test
    void statusIsCopiedInAndOut() {
        Status original = new StatusBuilder().withCode(404).withMessage("a").withNewDetails().withName("n")
                .endDetails().build();
        StatusException e = new StatusException(original);
        original.setMessage("changed");
        original.getDetails().setName("changed");
        e.status().getDetails().setName("changed too");
        assertThat(e.status().getMessage()).isEqualTo("a");
        assertThat(e.status().getDetails().getName()).isEqualTo("n");
    }

    @Test
    void keepsCause() {
        IllegalStateException cause = new IllegalStateException("x");
        assertThat(new StatusException(new Status(), cause)).hasCause(cause);
    }

    @Test
    void statusReasonValues() {
        assertThat(StatusReason.of(null)).isEqualTo(StatusReason.UNKNOWN);
        assertThat(StatusReason.of("")).isEqualTo(StatusReason.UNKNOWN);
        assertThat(StatusReason.of("NotFound")).isEqualTo(StatusReason.NOT_FOUND);
        assertThat(StatusReason.STORE_READ_ERROR.value()).isEqualTo("StorageReadError");
        assertThat(StatusReason.UNKNOWN.isKnown()).isFalse();
        assertThat(StatusReason.of("Custom").isKnown()).isFalse();
        assertThat(StatusReason.knownReasons()).hasSize(19).allMatch(StatusReason::isKnown);
        assertThat(StatusReason.NOT_FOUND).hasToString("NotFound");
    }

    @Test
    void fromObjectWithStatus() {
        Status status = new StatusBuilder().withCode(410).withReason("Expired").withMessage("too old").build();
        KubeException e = Errors.fromObject(status);
        assertThat(e).isInstanceOf(StatusException.class).hasMessage("too old");
        assertThat(Errors.isResourceExpired(e)).isTrue();
    }

    @Test
    void fromObjectWithUnstructuredStatus() {
        for (String apiVersion : new String[] {"v1", "meta.k8s.io/v1"}) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("kind", "Status");
            map.put("apiVersion", apiVersion);
            map.put("status", "Failure");
            map.put("code", 410);
            map.put("reason", "Expired");
            map.put("message", "too old resource version");
            map.put("details", Map.of("retryAfterSeconds", 2));
            KubeException e = Errors.fromObject(map);
            assertThat(e).isInstanceOf(StatusException.class).hasMessage("too old resource version");
            assertThat(((StatusException) e).code()).isEqualTo(410);
            assertThat(Errors.suggestsClientDelay(e)).hasValue(2);

            GenericKubernetesResource resource = new GenericKubernetesResource();
            resource.setKind("Status");
            resource.setApiVersion(apiVersion);
            resource.setAdditionalProperty("code", 500);
            resource.setAdditionalProperty("reason", "InternalError");
            resource.setAdditionalProperty("message", "boom");
            assertThat(Errors.isInternalError(Errors.fromObject(resource))).isTrue();
        }
    }

    @Test
    void fromObjectRejectsOtherObjects() {
        assertThat(Errors.fromObject(Map.of("kind", "Status", "apiVersion", "v2")))
                .isInstanceOf(UnexpectedObjectException.class);
        assertThat(Errors.fromObject(Map.of("kind", "Pod", "apiVersion", "v1")))
                .isInstanceOf(UnexpectedObjectException.class);
        Pod pod = new PodBuilder().withNewMetadata().withName("p").withNamespace("ns").endMetadata().build();
        KubeException e = Errors.fromObject(pod);
        assertThat(e).isInstanceOf(UnexpectedObjectException.class).hasMessage("unexpected object: v1, Kind=Pod ns/p");
        assertThat(((UnexpectedObjectException) e).object()).isSameAs(pod);
        assertThat(Errors.isUnexpectedObjectError(new RuntimeException(e))).isTrue();
        assertThat(Errors.isUnexpectedObjectError(Errors.newBadRequest("x"))).isFalse();
        assertThat(Errors.fromObject(null)).hasMessage("unexpected object: null");
        assertThat(Errors.fromObject("text")).hasMessage("unexpected object: java.lang.String");
    }

    @Test
    void unexpectedObjectMessageNeverShowsContent() {
        Secret secret = new SecretBuilder().withNewMetadata().withName("s").endMetadata()
                .addToStringData("password", "hunter2").build();
        assertThat(Errors.fromObject(secret).getMessage()).doesNotContain("hunter2");
    }

    @Test
    void fromObjectReportsMalformedStatus() {
        KubeException e = Errors.fromObject(Map.of("kind", "Status", "apiVersion", "v1", "code", "not a number"));
        assertThat(e).isNotInstanceOf(StatusException.class).hasMessageContaining("Status");
    }
}
