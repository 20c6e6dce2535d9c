package io.kubeclient.apimachinery.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusDetailsBuilder;
import io.kubeclient.KubeException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorsPredicatesTest {

    /** How a predicate matches, per client-go. */
    enum Rule { REASON_ONLY, REASON_OR_CODE_IF_REASON_UNKNOWN, REASON_OR_CODE_ALWAYS }

    record Spec(String name, Predicate<Throwable> predicate, String reason, int code, Rule rule) {
        boolean expected(String r, int c) {
            boolean reasonMatches = r.equals(reason);
            return switch (rule) {
                case REASON_ONLY -> reasonMatches;
                case REASON_OR_CODE_IF_REASON_UNKNOWN ->
                        reasonMatches || (!StatusReason.of(r).isKnown() && c == code);
                case REASON_OR_CODE_ALWAYS -> reasonMatches || c == code;
            };
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Spec> SPECS = List.of(
            new Spec("isNotFound", Errors::isNotFound, "NotFound", 404, Rule.REASON_OR_CODE_IF_REASON_UNKNOWN),
            new Spec("isAlreadyExists", Errors::isAlreadyExists, "AlreadyExists", 409, Rule.REASON_ONLY),
            new Spec("isConflict", Errors::isConflict, "Conflict", 409, Rule.REASON_OR_CODE_IF_REASON_UNKNOWN),
            new Spec("isInvalid", Errors::isInvalid, "Invalid", 422, Rule.REASON_OR_CODE_IF_REASON_UNKNOWN),
            new Spec("isGone", Errors::isGone, "Gone", 410, Rule.REASON_OR_CODE_IF_REASON_UNKNOWN),
            new Spec("isResourceExpired", Errors::isResourceExpired, "Expired", 410, Rule.REASON_ONLY),
            new Spec("isNotAcceptable", Errors::isNotAcceptable, "NotAcceptable", 406,
                    Rule.REASON_OR_CODE_IF_REASON_UNKNOWN),
            new Spec("isUnsupportedMediaType", Errors::isUnsupportedMediaType, "UnsupportedMediaType", 415,
                    Rule.REASON_OR_CODE_IF_REASON_UNKNOWN),
            new Spec("isMethodNotSupported", Errors::isMethodNotSupported, "MethodNotAllowed", 405,
                    Rule.REASON_OR_CODE_IF_REASON_UNKNOWN),
            new Spec("isServiceUnavailable", Errors::isServiceUnavailable, "ServiceUnavailable", 503,
                    Rule.REASON_OR_CODE_IF_REASON_UNKNOWN),
            new Spec("isBadRequest", Errors::isBadRequest, "BadRequest", 400, Rule.REASON_OR_CODE_IF_REASON_UNKNOWN),
            new Spec("isUnauthorized", Errors::isUnauthorized, "Unauthorized", 401,
                    Rule.REASON_OR_CODE_IF_REASON_UNKNOWN),
            new Spec("isForbidden", Errors::isForbidden, "Forbidden", 403, Rule.REASON_OR_CODE_IF_REASON_UNKNOWN),
            new Spec("isTimeout", Errors::isTimeout, "Timeout", 504, Rule.REASON_OR_CODE_IF_REASON_UNKNOWN),
            new Spec("isServerTimeout", Errors::isServerTimeout, "ServerTimeout", 500, Rule.REASON_ONLY),
            new Spec("isInternalError", Errors::isInternalError, "InternalError", 500,
                    Rule.REASON_OR_CODE_IF_REASON_UNKNOWN),
            new Spec("isTooManyRequests", Errors::isTooManyRequests, "TooManyRequests", 429,
                    Rule.REASON_OR_CODE_ALWAYS),
            new Spec("isRequestEntityTooLarge", Errors::isRequestEntityTooLarge, "RequestEntityTooLarge", 413,
                    Rule.REASON_OR_CODE_ALWAYS),
            new Spec("isStoreReadError", Errors::isStoreReadError, "StorageReadError", 500, Rule.REASON_ONLY));

    static final List<String> REASONS = List.of("", "Unauthorized", "Forbidden", "NotFound", "AlreadyExists",
            "Conflict", "Gone", "Invalid", "ServerTimeout", "StorageReadError", "Timeout", "TooManyRequests",
            "BadRequest", "MethodNotAllowed", "NotAcceptable", "RequestEntityTooLarge", "UnsupportedMediaType",
            "InternalError", "Expired", "ServiceUnavailable", "SomethingCustom");

    static final List<Integer> CODES = List.of(0, 200, 301, 400, 401, 403, 404, 405, 406, 409, 410, 413, 415, 422,
            429, 500, 502, 503, 504);

    static Stream<Arguments> everyReasonAndCode() {
        List<Arguments> out = new ArrayList<>();
        for (Spec spec : SPECS) {
            for (String reason : REASONS) {
                for (int code : CODES) {
                    out.add(Arguments.of(spec, reason, code));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} reason={1} code={2}")
    @MethodSource("everyReasonAndCode")
    void predicateMatchesReasonAndCodeAsUpstream(Spec spec, String reason, int code) {
        StatusException e = statusError(reason, code);
        assertThat(spec.predicate().test(e)).isEqualTo(spec.expected(reason, code));
    }

    @Test
    void everyPredicateIsFalseForNullAndForeignErrors() {
        for (Spec spec : SPECS) {
            assertThat(spec.predicate().test(null)).as(spec.name()).isFalse();
            assertThat(spec.predicate().test(new IllegalStateException("x"))).as(spec.name()).isFalse();
            assertThat(spec.predicate().test(new KubeException("x"))).as(spec.name()).isFalse();
        }
    }

    @Test
    void predicatesFindTheStatusInTheCauseChain() {
        Throwable wrapped = new RuntimeException("outer", new KubeException("middle", Errors.newNotFound(
                io.kubeclient.apimachinery.schema.GroupResource.of("", "pods"), "foo")));
        assertThat(Errors.isNotFound(wrapped)).isTrue();
        assertThat(Errors.reasonForError(wrapped)).isEqualTo(StatusReason.NOT_FOUND);
    }

    @Test
    void firstStatusOnTheChainWins() {
        StatusException inner = statusError("NotFound", 404);
        StatusException outer = new StatusException(statusError("Conflict", 409).status(), inner);
        assertThat(Errors.isConflict(outer)).isTrue();
        assertThat(Errors.isNotFound(outer)).isFalse();
    }

    @Test
    void causeCycleDoesNotLoop() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(Errors.isNotFound(a)).isFalse();
        assertThat(Errors.reasonForError(a)).isEqualTo(StatusReason.UNKNOWN);
    }

    @Test
    void alreadyExistsIsNotAConflict() {
        StatusException e = statusError("AlreadyExists", 409);
        assertThat(Errors.isAlreadyExists(e)).isTrue();
        assertThat(Errors.isConflict(e)).isFalse();
    }

    @Test
    void bodylessGoneIsGoneButNotExpired() {
        StatusException e = Errors.newGenericServerResponse(410, "GET", null, "", "", 0, true);
        assertThat(Errors.isGone(e)).isTrue();
        assertThat(Errors.isResourceExpired(e)).isFalse();
        assertThat(Errors.reasonForError(e)).isEqualTo(StatusReason.UNKNOWN);
    }

    @Test
    void tooManyRequestsMatchesCodeEvenWithAnotherKnownReason() {
        assertThat(Errors.isTooManyRequests(statusError("Forbidden", 429))).isTrue();
        assertThat(Errors.isRequestEntityTooLarge(statusError("BadRequest", 413))).isTrue();
        assertThat(Errors.isNotFound(statusError("Forbidden", 404))).isFalse();
    }

    @Test
    void reasonForErrorKeepsCustomReasons() {
        assertThat(Errors.reasonForError(statusError("SomethingCustom", 500)).value()).isEqualTo("SomethingCustom");
        assertThat(Errors.reasonForError(statusError("SomethingCustom", 500)).isKnown()).isFalse();
        assertThat(Errors.reasonForError(null)).isEqualTo(StatusReason.UNKNOWN);
        assertThat(Errors.reasonForError(new IllegalStateException())).isEqualTo(StatusReason.UNKNOWN);
    }

    @Test
    void suggestsClientDelayRequiresDetails() {
        Status noDetails = new StatusBuilder().withCode(500).withReason("ServerTimeout").build();
        assertThat(Errors.suggestsClientDelay(new StatusException(noDetails))).isEmpty();
        assertThat(Errors.suggestsClientDelay(null)).isEmpty();
        assertThat(Errors.suggestsClientDelay(new IllegalStateException())).isEmpty();
    }

    @Test
    void suggestsClientDelayForServerTimeoutEvenWhenZero() {
        assertThat(Errors.suggestsClientDelay(withDelay("ServerTimeout", 500, null))).isEqualTo(OptionalInt.of(0));
        assertThat(Errors.suggestsClientDelay(withDelay("ServerTimeout", 500, 0))).isEqualTo(OptionalInt.of(0));
        assertThat(Errors.suggestsClientDelay(withDelay("ServerTimeout", 500, 7))).isEqualTo(OptionalInt.of(7));
    }

    @Test
    void suggestsClientDelayForPositiveRetryAfterOnly() {
        assertThat(Errors.suggestsClientDelay(withDelay("TooManyRequests", 429, 3))).isEqualTo(OptionalInt.of(3));
        assertThat(Errors.suggestsClientDelay(withDelay("", 503, 1))).isEqualTo(OptionalInt.of(1));
        assertThat(Errors.suggestsClientDelay(withDelay("TooManyRequests", 429, 0))).isEmpty();
        assertThat(Errors.suggestsClientDelay(withDelay("TooManyRequests", 429, null))).isEmpty();
        assertThat(Errors.suggestsClientDelay(withDelay("InternalError", 500, -5))).isEmpty();
    }

    @Test
    void suggestsClientDelayFromConstructors() {
        assertThat(Errors.suggestsClientDelay(Errors.newTooManyRequests("slow down", 2))).isEqualTo(OptionalInt.of(2));
        assertThat(Errors.suggestsClientDelay(Errors.newTooManyRequests("slow down", 0))).isEmpty();
        assertThat(Errors.suggestsClientDelay(Errors.newServerTimeout(
                io.kubeclient.apimachinery.schema.GroupResource.of("", "pods"), "list", 0)))
                .isEqualTo(OptionalInt.of(0));
        assertThat(Errors.suggestsClientDelay(Errors.newNotFound(
                io.kubeclient.apimachinery.schema.GroupResource.of("", "pods"), "x"))).isEmpty();
    }

    @Test
    void statusCauseFindsFirstCauseOfType() {
        StatusCause first = new StatusCause("spec.a", "first", "FieldValueInvalid");
        StatusCause second = new StatusCause("spec.b", "second", "FieldValueInvalid");
        StatusCause other = new StatusCause("spec.c", "other", "FieldValueRequired");
        Status status = new StatusBuilder().withCode(422).withReason("Invalid")
                .withDetails(new StatusDetailsBuilder().withCauses(other, first, second).build()).build();
        StatusException e = new StatusException(status);
        assertThat(Errors.statusCause(e, CauseType.FIELD_VALUE_INVALID)).contains(first);
        assertThat(Errors.hasStatusCause(e, CauseType.FIELD_VALUE_REQUIRED)).isTrue();
        assertThat(Errors.hasStatusCause(e, CauseType.FIELD_VALUE_DUPLICATE)).isFalse();
        assertThat(Errors.hasStatusCause(new RuntimeException(e), CauseType.FIELD_VALUE_REQUIRED)).isTrue();
    }

    @Test
    void statusCauseRequiresDetails() {
        assertThat(Errors.hasStatusCause(statusError("Invalid", 422), CauseType.FIELD_VALUE_INVALID)).isFalse();
        assertThat(Errors.statusCause(null, CauseType.FIELD_VALUE_INVALID)).isEmpty();
    }

    @Test
    void statusCauseReturnsACopy() {
        Status status = new StatusBuilder().withCode(422)
                .withDetails(new StatusDetailsBuilder().withCauses(new StatusCause("f", "m", "T")).build()).build();
        StatusException e = new StatusException(status);
        Errors.statusCause(e, "T").orElseThrow().setMessage("changed");
        assertThat(Errors.statusCause(e, "T").orElseThrow().getMessage()).isEqualTo("m");
    }

    @Test
    void unexpectedServerErrorLooksForTheCause() {
        assertThat(Errors.isUnexpectedServerError(Errors.newGenericServerResponse(500, "GET", null, "", "boom", 0, true)))
                .isTrue();
        assertThat(Errors.isUnexpectedServerError(Errors.newGenericServerResponse(500, "GET", null, "", "boom", 0, false)))
                .isFalse();
        assertThat(Errors.isUnexpectedServerError(statusError("InternalError", 500))).isFalse();
        assertThat(Errors.isUnexpectedServerError(null)).isFalse();
    }

    private static StatusException statusError(String reason, int code) {
        return new StatusException(new StatusBuilder().withStatus("Failure").withCode(code)
                .withReason(reason.isEmpty() ? null : reason).withMessage("m").build());
    }

    private static StatusException withDelay(String reason, int code, Integer retryAfter) {
        return new StatusException(new StatusBuilder().withCode(code).withReason(reason)
                .withDetails(new StatusDetailsBuilder().withRetryAfterSeconds(retryAfter).build()).build());
    }
}
