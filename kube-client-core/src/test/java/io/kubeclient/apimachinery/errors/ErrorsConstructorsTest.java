package io.kubeclient.apimachinery.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.kubeclient.apimachinery.schema.GroupKind;
import io.kubeclient.apimachinery.schema.GroupResource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorsConstructorsTest {

    private static final GroupResource PODS = GroupResource.of("", "pods");
    private static final GroupResource DEPLOYMENTS = GroupResource.of("apps", "deployments");

    @Test
    void notFound() {
        StatusException e = Errors.newNotFound(DEPLOYMENTS, "web");
        assertError(e, 404, StatusReason.NOT_FOUND, "deployments.apps \"web\" not found");
        assertDetails(e, "apps", "deployments", "web", null);
        assertThat(Errors.newNotFound(PODS, "foo")).hasMessage("pods \"foo\" not found");
        assertThat(Errors.newNotFound(PODS, "foo").status().getDetails().getGroup()).isNull();
    }

    @Test
    void alreadyExists() {
        StatusException e = Errors.newAlreadyExists(PODS, "foo");
        assertError(e, 409, StatusReason.ALREADY_EXISTS, "pods \"foo\" already exists");
        assertDetails(e, null, "pods", "foo", null);
    }

    @Test
    void generateNameConflict() {
        StatusException e = Errors.newGenerateNameConflict(PODS, "foo-abcde", 1);
        assertError(e, 409, StatusReason.ALREADY_EXISTS, "pods \"foo-abcde\" already exists, the server was not able"
                + " to generate a unique name for the object");
        assertDetails(e, null, "pods", "foo-abcde", 1);
    }

    @Test
    void conflictFromErrorAndFromText() {
        StatusException e = Errors.newConflict(DEPLOYMENTS, "web",
                new IllegalStateException("the object has been modified; please apply your changes to the latest"
                        + " version and try again"));
        assertError(e, 409, StatusReason.CONFLICT, "Operation cannot be fulfilled on deployments.apps \"web\": the"
                + " object has been modified; please apply your changes to the latest version and try again");
        assertDetails(e, "apps", "deployments", "web", null);
        assertThat(Errors.newConflict(PODS, "p", "stale")).hasMessage("Operation cannot be fulfilled on pods \"p\": stale");
    }

    @Test
    void conflictWithMessagelessErrorUsesItsToString() {
        assertThat(Errors.newConflict(PODS, "p", new IllegalStateException()))
                .hasMessage("Operation cannot be fulfilled on pods \"p\": java.lang.IllegalStateException");
    }

    @Test
    void applyConflictKeepsCauses() {
        StatusCause cause = new StatusCause(".spec.replicas", "conflict with \"kubectl\"", "FieldManagerConflict");
        StatusException e = Errors.newApplyConflict(List.of(cause), "Apply failed with 1 conflict");
        assertError(e, 409, StatusReason.CONFLICT, "Apply failed with 1 conflict");
        assertThat(e.status().getDetails().getCauses()).containsExactly(cause);
        assertThat(Errors.hasStatusCause(e, CauseType.FIELD_MANAGER_CONFLICT)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "apps|deployments|web|deployments.apps \"web\" is forbidden: denied",
        "apps|deployments|''|deployments.apps is forbidden: denied",
        "''|''|''|forbidden: denied",
        "''|pods|p|pods \"p\" is forbidden: denied",
    })
    void forbiddenMessageForms(String group, String resource, String name, String message) {
        StatusException e = Errors.newForbidden(GroupResource.of(group, resource), name, new RuntimeException("denied"));
        assertError(e, 403, StatusReason.FORBIDDEN, message);
        assertThat(Errors.newForbidden(GroupResource.of(group, resource), name, "denied")).hasMessage(message);
    }

    @Test
    void unauthorized() {
        assertError(Errors.newUnauthorized("token expired"), 401, StatusReason.UNAUTHORIZED, "token expired");
        assertError(Errors.newUnauthorized(""), 401, StatusReason.UNAUTHORIZED, "not authorized");
        assertError(Errors.newUnauthorized(null), 401, StatusReason.UNAUTHORIZED, "not authorized");
        assertThat(Errors.newUnauthorized("x").status().getDetails()).isNull();
    }

    @Test
    void goneAndExpired() {
        assertError(Errors.newGone("gone away"), 410, StatusReason.GONE, "gone away");
        assertError(Errors.newResourceExpired("too old resource version: 1 (5)"), 410, StatusReason.EXPIRED,
                "too old resource version: 1 (5)");
        assertThat(Errors.isResourceExpired(Errors.newResourceExpired("x"))).isTrue();
        assertThat(Errors.isGone(Errors.newResourceExpired("x"))).isFalse();
    }

    @Test
    void invalidWithOneCause() {
        StatusCause cause = new StatusCause("metadata.name", "Invalid value: \"Foo\": must be lower case",
                CauseType.FIELD_VALUE_INVALID);
        StatusException e = Errors.newInvalid(GroupKind.of("apps", "Deployment"), "Foo", List.of(cause));
        assertError(e, 422, StatusReason.INVALID,
                "Deployment.apps \"Foo\" is invalid: metadata.name: Invalid value: \"Foo\": must be lower case");
        assertDetails(e, "apps", "Deployment", "Foo", null);
        assertThat(e.status().getDetails().getCauses()).containsExactly(cause);
    }

    @Test
    void invalidWithSeveralCausesDeduplicatesMessages() {
        StatusCause a = new StatusCause("spec.a", "Required value", CauseType.FIELD_VALUE_REQUIRED);
        StatusCause b = new StatusCause("spec.b", "Required value", CauseType.FIELD_VALUE_REQUIRED);
        StatusException e = Errors.newInvalid(GroupKind.of("", "Pod"), "p", List.of(a, b, a));
        assertThat(e).hasMessage("Pod \"p\" is invalid: [spec.a: Required value, spec.b: Required value]");
        assertThat(e.status().getDetails().getCauses()).hasSize(3);
        assertThat(Errors.newInvalid(GroupKind.of("", "Pod"), "p", List.of(a, a)))
                .hasMessage("Pod \"p\" is invalid: spec.a: Required value");
    }

    @Test
    void invalidWithoutCauses() {
        assertThat(Errors.newInvalid(GroupKind.of("", "Pod"), "p", List.of())).hasMessage("Pod \"p\" is invalid");
        assertThat(Errors.newInvalid(GroupKind.of("", "Pod"), "p", null)).hasMessage("Pod \"p\" is invalid");
    }

    @Test
    void simpleMessageConstructors() {
        assertError(Errors.newBadRequest("bad"), 400, StatusReason.BAD_REQUEST, "bad");
        assertError(Errors.newServiceUnavailable("down"), 503, StatusReason.SERVICE_UNAVAILABLE, "down");
        assertError(Errors.newTooManyRequests("slow down", 5), 429, StatusReason.TOO_MANY_REQUESTS, "slow down");
        assertDetails(Errors.newTooManyRequests("slow down", 5), null, null, null, 5);
        assertError(Errors.newTooManyRequestsError("limit"), 429, StatusReason.TOO_MANY_REQUESTS,
                "Too many requests: limit");
        assertError(Errors.newTimeoutError("watch closed", 2), 504, StatusReason.TIMEOUT, "Timeout: watch closed");
        assertDetails(Errors.newTimeoutError("watch closed", 2), null, null, null, 2);
        assertError(Errors.newRequestEntityTooLarge("limit is 3MB"), 413, StatusReason.REQUEST_ENTITY_TOO_LARGE,
                "Request entity too large: limit is 3MB");
    }

    @Test
    void methodNotSupported() {
        StatusException e = Errors.newMethodNotSupported(DEPLOYMENTS, "watch");
        assertError(e, 405, StatusReason.METHOD_NOT_ALLOWED,
                "watch is not supported on resources of kind \"deployments.apps\"");
        assertDetails(e, "apps", "deployments", null, null);
    }

    @Test
    void serverTimeout() {
        StatusException e = Errors.newServerTimeout(PODS, "list", 3);
        assertError(e, 500, StatusReason.SERVER_TIMEOUT,
                "The list operation against pods could not be completed at this time, please try again.");
        assertDetails(e, null, "pods", "list", 3);
        assertThat(Errors.isServerTimeout(e)).isTrue();
        assertThat(Errors.isInternalError(e)).isFalse();
    }

    @Test
    void internalError() {
        StatusException e = Errors.newInternalError(new IllegalStateException("etcd down"));
        assertError(e, 500, StatusReason.INTERNAL_ERROR, "Internal error occurred: etcd down");
        assertThat(e.status().getDetails().getCauses()).singleElement()
                .satisfies(c -> {
                    assertThat(c.getMessage()).isEqualTo("etcd down");
                    assertThat(c.getReason()).isNull();
                });
        assertThat(Errors.newInternalError("x")).hasMessage("Internal error occurred: x");
    }

    @Test
    void namesAreQuotedLikeGo() {
        assertThat(Errors.newNotFound(PODS, "a\"b\\c\n\t\u0001é")).hasMessage("pods \"a\\\"b\\\\c\\n\\t\\x01é\" not found");
        assertThat(Errors.newNotFound(PODS, "")).hasMessage("pods \"\" not found");
        assertThat(Errors.newNotFound(PODS, null)).hasMessage("pods \"\" not found");
        assertThat(GoQuote.quote("\u200b\u00a0 ")).isEqualTo("\"\\u200b\\u00a0 \"");
    }

    @Test
    void constructedStatusLooksLikeTheApiServers() {
        Status s = Errors.newNotFound(PODS, "foo").status();
        assertThat(s.getKind()).isEqualTo("Status");
        assertThat(s.getApiVersion()).isEqualTo("v1");
        assertThat(s.getStatus()).isEqualTo("Failure");
        assertThat(s.getMetadata()).isNotNull();
    }

    @Test
    void rejectsNullStructuralArguments() {
        assertThatThrownBy(() -> Errors.newNotFound(null, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group resource");
        assertThatThrownBy(() -> Errors.newInvalid(null, "x", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group kind");
        assertThatThrownBy(() -> Errors.newConflict(PODS, "x", (Throwable) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("error");
        assertThatThrownBy(() -> Errors.newInternalError((Throwable) null))
                .isInstanceOf(IllegalArgumentException.class);
        java.util.ArrayList<StatusCause> withNull = new java.util.ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> Errors.newInvalid(GroupKind.of("", "Pod"), "p", withNull))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
    }

    static void assertError(StatusException e, int code, StatusReason reason, String message) {
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e).hasMessage(message);
        assertThat(e.status().getCode()).isEqualTo(code);
        assertThat(e.status().getReason()).isEqualTo(reason.value());
        assertThat(e.status().getMessage()).isEqualTo(message);
        assertThat(e.status().getStatus()).isEqualTo("Failure");
    }

    static void assertDetails(StatusException e, String group, String kind, String name, Integer retryAfter) {
        StatusDetails d = e.status().getDetails();
        assertThat(d).isNotNull();
        assertThat(d.getGroup()).isEqualTo(group);
        assertThat(d.getKind()).isEqualTo(kind);
        assertThat(d.getName()).isEqualTo(name);
        assertThat(d.getRetryAfterSeconds()).isEqualTo(retryAfter);
    }
}
