package io.kubeclient.apimachinery.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DeleteOptionsTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void emptyBodyHasOnlyTypeMeta() {
        assertThat(MAPPER.readTree(DeleteOptions.empty().toJson()))
                .isEqualTo(MAPPER.readTree("{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\"}"));
        assertThat(DeleteOptions.empty().toQueryParameters()).isEmpty();
    }

    @Test
    void fullBody() {
        DeleteOptions options = DeleteOptions.builder().gracePeriodSeconds(0).preconditionUid("uid-1")
                .preconditionResourceVersion("42").propagationPolicy(DeletionPropagation.FOREGROUND).dryRunAll()
                .build();
        assertThat(MAPPER.readTree(options.toJson())).isEqualTo(MAPPER.readTree("""
                {"kind":"DeleteOptions","apiVersion":"v1","gracePeriodSeconds":0,
                 "preconditions":{"uid":"uid-1","resourceVersion":"42"},
                 "propagationPolicy":"Foreground","dryRun":["All"]}"""));
    }

    @Test
    void partialPreconditions() {
        DeleteOptions options = DeleteOptions.builder().preconditionResourceVersion("7").build();
        assertThat(MAPPER.readTree(options.toJson())).isEqualTo(MAPPER.readTree(
                "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"preconditions\":{\"resourceVersion\":\"7\"}}"));
        assertThat(options.preconditionUid()).isEmpty();
        assertThat(options.preconditionResourceVersion()).contains("7");
        assertThat(DeleteOptions.builder().preconditionUid("").build()).isEqualTo(DeleteOptions.empty());
    }

    @Test
    void fabric8Conversion() {
        io.fabric8.kubernetes.api.model.DeleteOptions f = DeleteOptions.builder().gracePeriodSeconds(30)
                .propagationPolicy(DeletionPropagation.ORPHAN).build().toFabric8();
        assertThat(f.getKind()).isEqualTo("DeleteOptions");
        assertThat(f.getApiVersion()).isEqualTo("v1");
        assertThat(f.getGracePeriodSeconds()).isEqualTo(30L);
        assertThat(f.getPropagationPolicy()).isEqualTo("Orphan");
        assertThat(f.getPreconditions()).isNull();
        assertThat(f.getDryRun()).isEmpty();
    }

    @Test
    void queryParameters() {
        DeleteOptions options = DeleteOptions.builder().gracePeriodSeconds(0)
                .propagationPolicy(DeletionPropagation.BACKGROUND).dryRunAll().preconditionUid("u").build();
        assertThat(options.toQueryParameters()).containsExactly(Map.entry("gracePeriodSeconds", List.of("0")),
                Map.entry("propagationPolicy", List.of("Background")), Map.entry("dryRun", List.of("All")));
    }

    @Test
    void rejectsNegativeGracePeriod() {
        assertThatThrownBy(() -> DeleteOptions.builder().gracePeriodSeconds(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gracePeriodSeconds must be >= 0, was -1");
    }

    @Test
    void valueSemantics() {
        DeleteOptions a = DeleteOptions.builder().gracePeriodSeconds(5).preconditionUid("u").build();
        DeleteOptions b = a.toBuilder().build();
        assertThat(b).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(a.toBuilder().clearGracePeriodSeconds().build().gracePeriodSeconds()).isEmpty();
        assertThat(a.gracePeriodSeconds()).hasValue(5);
        assertThat(a).hasToString("DeleteOptions{gracePeriodSeconds=5, preconditions={uid=u, resourceVersion=null}}");
        assertThat(DeleteOptions.builder().preconditionUid("u").build())
                .hasToString("DeleteOptions{preconditions={uid=u, resourceVersion=null}}");
    }
}
