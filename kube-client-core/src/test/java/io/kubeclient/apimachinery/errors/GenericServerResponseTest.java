package io.kubeclient.apimachinery.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.kubeclient.apimachinery.schema.GroupResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenericServerResponseTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "409|POST|AlreadyExists|the server reported a conflict",
        "409|PUT|Conflict|the server reported a conflict",
        "409|post|Conflict|the server reported a conflict",
        "404|GET|NotFound|the server could not find the requested resource",
        "400|GET|BadRequest|the server rejected our request for an unknown reason",
        "401|GET|Unauthorized|the server has asked for the client to provide credentials",
        "403|GET|Forbidden|body text",
        "406|GET|NotAcceptable|body text",
        "415|GET|UnsupportedMediaType|body text",
        "405|GET|MethodNotAllowed|the server does not allow this method on the requested resource",
        "422|GET|Invalid|the server rejected our request due to an error in our request",
        "503|GET|ServiceUnavailable|the server is currently unable to handle the request",
        "504|GET|Timeout|the server was unable to return a response in the time allotted, but may still be processing"
                + " the request",
        "429|GET|TooManyRequests|the server has received too many requests and has asked us to try again later",
        "500|GET|InternalError|an error on the server (\"body text\") has prevented the request from succeeding",
        "502|GET|InternalError|an error on the server (\"body text\") has prevented the request from succeeding",
        "599|GET|InternalError|an error on the server (\"body text\") has prevented the request from succeeding",
        "410|GET|''|the server responded with the status code 410 but did not return more information",
        "413|GET|''|the server responded with the status code 413 but did not return more information",
        "302|GET|''|the server responded with the status code 302 but did not return more information",
        "418|GET|''|the server responded with the status code 418 but did not return more information",
    })
    void derivesReasonAndMessageFromCode(int code, String verb, String reason, String message) {
        StatusException e = Errors.newGenericServerResponse(code, verb, null, "", "body text", 0, false);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.reason()).isEqualTo(StatusReason.of(reason));
        assertThat(e).hasMessage(message);
        assertThat(e.status().getStatus()).isEqualTo("Failure");
        assertThat(e.status().getDetails()).isNotNull();
    }

    @Test
    void notAcceptableFallsBackWhenBodyIsEmptyOrUnknown() {
        String fallback = "the server was unable to respond with a content type that the client supports";
        assertThat(Errors.newGenericServerResponse(406, "GET", null, "", "", 0, false)).hasMessage(fallback);
        assertThat(Errors.newGenericServerResponse(406, "GET", null, "", "unknown", 0, false)).hasMessage(fallback);
        assertThat(Errors.newGenericServerResponse(406, "GET", null, "", null, 0, false)).hasMessage(fallback);
    }

    @Test
    void suffixNamesVerbResourceAndName() {
        GroupResource deployments = GroupResource.of("apps", "deployments");
        assertThat(Errors.newGenericServerResponse(404, "GET", deployments, "web", "", 0, false))
                .hasMessage("the server could not find the requested resource (get deployments.apps web)");
        assertThat(Errors.newGenericServerResponse(404, "DELETE", GroupResource.of("", "pods"), "", "", 0, false))
                .hasMessage("the server could not find the requested resource (delete pods)");
        assertThat(Errors.newGenericServerResponse(404, "GET", GroupResource.of("", ""), "web", "", 0, false))
                .hasMessage("the server could not find the requested resource");
    }

    @Test
    void detailsCarryResourceDelayAndUnexpectedCause() {
        StatusException e = Errors.newGenericServerResponse(503, "GET", GroupResource.of("apps", "deployments"),
                "web", "<html>busy</html>", 4, true);
        StatusDetails d = e.status().getDetails();
        assertThat(d.getGroup()).isEqualTo("apps");
        assertThat(d.getKind()).isEqualTo("deployments");
        assertThat(d.getName()).isEqualTo("web");
        assertThat(d.getRetryAfterSeconds()).isEqualTo(4);
        assertThat(d.getCauses()).containsExactly(
                new StatusCause(null, "<html>busy</html>", CauseType.UNEXPECTED_SERVER_RESPONSE));
        assertThat(Errors.isUnexpectedServerError(e)).isTrue();
        assertThat(Errors.suggestsClientDelay(e)).hasValue(4);
        assertThat(Errors.isServiceUnavailable(e)).isTrue();
    }

    @Test
    void withoutUnexpectedFlagThereAreNoCauses() {
        StatusException e = Errors.newGenericServerResponse(500, "GET", null, "", "x", 0, false);
        assertThat(e.status().getDetails().getCauses()).isEmpty();
        assertThat(e.status().getDetails().getRetryAfterSeconds()).isNull();
    }

    @Test
    void forbiddenWithEmptyBodyStillReportsCode() {
        StatusException e = Errors.newGenericServerResponse(403, "GET", null, "", "", 0, true);
        assertThat(Errors.isForbidden(e)).isTrue();
        assertThat(e.getMessage()).contains("403").contains("Forbidden");
    }
}
