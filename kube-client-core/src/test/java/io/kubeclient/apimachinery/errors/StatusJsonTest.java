package io.kubeclient.apimachinery.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Status;
import io.kubeclient.apimachinery.schema.GroupKind;
import io.kubeclient.apimachinery.schema.GroupResource;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** fabric8's Status types and quantities through a plain Jackson 3 mapper. */
class StatusJsonTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** As sent by a real API server for an invalid create. */
    private static final String INVALID = """
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
             "message":"Deployment.apps \\"Web\\" is invalid: metadata.name: Invalid value: \\"Web\\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters",
             "reason":"Invalid",
             "details":{"name":"Web","group":"apps","kind":"Deployment",
               "causes":[{"reason":"FieldValueInvalid","message":"Invalid value: \\"Web\\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters","field":"metadata.name"}]},
             "code":422}
            """;

    @Test
    void readsARealApiServerStatus() {
        Status status = MAPPER.readValue(INVALID, Status.class);
        StatusException e = new StatusException(status);
        assertThat(e.code()).isEqualTo(422);
        assertThat(Errors.isInvalid(e)).isTrue();
        assertThat(e.getMessage()).startsWith("Deployment.apps \"Web\" is invalid: metadata.name: Invalid value");
        assertThat(status.getDetails().getGroup()).isEqualTo("apps");
        assertThat(Errors.statusCause(e, CauseType.FIELD_VALUE_INVALID).orElseThrow().getField())
                .isEqualTo("metadata.name");
    }

    @Test
    void readsRetryAfterAndKeepsUnknownFields() {
        Status status = MAPPER.readValue("""
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"slow down",
                 "reason":"TooManyRequests","details":{"retryAfterSeconds":3,"futureField":true},"code":429,
                 "extra":"kept"}""", Status.class);
        StatusException e = new StatusException(status);
        assertThat(Errors.suggestsClientDelay(e)).hasValue(3);
        assertThat(status.getAdditionalProperties()).containsEntry("extra", "kept");
        assertThat(MAPPER.readTree(MAPPER.writeValueAsString(status)).get("extra").asString()).isEqualTo("kept");
    }

    @Test
    void writesOnlyTheSetFields() {
        StatusException e = Errors.newNotFound(GroupResource.of("apps", "deployments"), "web");
        JsonNode json = MAPPER.readTree(MAPPER.writeValueAsString(e.status()));
        JsonNode expected = MAPPER.readTree("""
                {"apiVersion":"v1","code":404,"details":{"group":"apps","kind":"deployments","name":"web"},
                 "kind":"Status","message":"deployments.apps \\"web\\" not found","metadata":{},
                 "reason":"NotFound","status":"Failure"}""");
        assertThat(json).isEqualTo(expected);
    }

    @Test
    void writesCausesWithTheirReasonKey() {
        StatusException e = Errors.newInvalid(GroupKind.of("", "Pod"), "p", List.of(
                new io.fabric8.kubernetes.api.model.StatusCause("spec.containers", "Required value",
                        CauseType.FIELD_VALUE_REQUIRED)));
        JsonNode cause = MAPPER.readTree(MAPPER.writeValueAsString(e.status())).get("details").get("causes").get(0);
        assertThat(cause).isEqualTo(MAPPER.readTree(
                "{\"field\":\"spec.containers\",\"message\":\"Required value\",\"reason\":\"FieldValueRequired\"}"));
    }

    @Test
    void statusRoundTripsUnchanged() {
        Status status = MAPPER.readValue(INVALID, Status.class);
        Status again = MAPPER.readValue(MAPPER.writeValueAsString(status), Status.class);
        assertThat(again).isEqualTo(status);
        assertThat(MAPPER.readTree(MAPPER.writeValueAsString(status))).isEqualTo(MAPPER.readTree(INVALID));
    }

    @Test
    void containerResourcesWithQuantitiesRoundTrip() {
        String json = """
                {"name":"app","image":"nginx","resources":{"limits":{"cpu":"500m","memory":"128Mi"},
                 "requests":{"cpu":"0.25","memory":"1G"}},"ports":[{"containerPort":8080}],
                 "livenessProbe":{"httpGet":{"path":"/","port":"http"}}}""";
        Container container = MAPPER.readValue(json, Container.class);
        ResourceRequirements resources = container.getResources();
        assertThat(resources.getLimits().get("cpu")).isEqualTo(new Quantity("500", "m"));
        assertThat(Quantity.getAmountInBytes(resources.getLimits().get("memory")))
                .isEqualByComparingTo(new BigDecimal(128L * 1024 * 1024));
        assertThat(container.getLivenessProbe().getHttpGet().getPort()).isEqualTo(new IntOrString("http"));
        assertThat(MAPPER.readTree(MAPPER.writeValueAsString(container))).isEqualTo(MAPPER.readTree(json));
    }
}
