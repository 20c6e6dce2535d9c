package io.kubeclient.apimachinery.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WriteOptionsTest {

    @Test
    void createOptionsEncodeEachField() {
        assertThat(CreateOptions.empty().toQueryParameters()).isEmpty();
        assertThat(CreateOptions.builder().dryRunAll().build().toQueryParameters())
                .containsExactly(Map.entry("dryRun", List.of("All")));
        assertThat(CreateOptions.builder().fieldManager("kubectl").build().toQueryParameters())
                .containsExactly(Map.entry("fieldManager", List.of("kubectl")));
        assertThat(CreateOptions.builder().fieldValidation(FieldValidation.STRICT).build().toQueryParameters())
                .containsExactly(Map.entry("fieldValidation", List.of("Strict")));
        CreateOptions all = CreateOptions.builder().dryRunAll().fieldManager("m")
                .fieldValidation(FieldValidation.IGNORE).build();
        assertThat(all.toQueryParameters()).containsExactly(Map.entry("dryRun", List.of("All")),
                Map.entry("fieldManager", List.of("m")), Map.entry("fieldValidation", List.of("Ignore")));
        assertThat(all.toBuilder().build()).isEqualTo(all);
        assertThat(all.fieldValidation()).contains(FieldValidation.IGNORE);
    }

    @Test
    void updateOptionsEncodeEachField() {
        assertThat(UpdateOptions.empty().toQueryParameters()).isEmpty();
        UpdateOptions options = UpdateOptions.builder().dryRunAll().fieldManager("ctrl")
                .fieldValidation(FieldValidation.WARN).build();
        assertThat(options.toQueryParameters()).containsExactly(Map.entry("dryRun", List.of("All")),
                Map.entry("fieldManager", List.of("ctrl")), Map.entry("fieldValidation", List.of("Warn")));
        assertThat(options.dryRun()).containsExactly("All");
        assertThat(options.fieldManager()).isEqualTo("ctrl");
    }

    @Test
    void dryRunRepeatsPerValueAndEmptyClears() {
        CreateOptions options = CreateOptions.builder().dryRun(List.of("All", "All")).build();
        assertThat(options.toQueryParameters()).containsExactly(Map.entry("dryRun", List.of("All", "All")));
        assertThat(CreateOptions.builder().dryRunAll().dryRun(null).build().toQueryParameters()).isEmpty();
        assertThat(CreateOptions.builder().dryRunAll().dryRun(List.of()).build().toQueryParameters()).isEmpty();
    }

    @Test
    void rejectsBadDryRunValues() {
        assertThatThrownBy(() -> CreateOptions.builder().dryRun(Arrays.asList("All", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dryRun[1]");
        assertThatThrownBy(() -> PatchOptions.builder().dryRun(List.of("")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dryRun[0]");
    }

    @Test
    void rejectsBadFieldManagers() {
        String tooLong = "m".repeat(129);
        assertThatThrownBy(() -> CreateOptions.builder().fieldManager(tooLong))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 128").hasMessageContaining("129");
        assertThatThrownBy(() -> UpdateOptions.builder().fieldManager("bad\nname"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+000A").hasMessageContaining("index 3");
        assertThat(CreateOptions.builder().fieldManager("m".repeat(128)).build().fieldManager()).hasSize(128);
        assertThat(CreateOptions.builder().fieldManager("my manager/ü").build().fieldManager()).isEqualTo("my manager/ü");
    }

    @Test
    void patchOptionsSendForceWheneverSet() {
        assertThat(PatchOptions.empty().toQueryParameters()).isEmpty();
        assertThat(PatchOptions.builder().force(false).build().toQueryParameters())
                .containsExactly(Map.entry("force", List.of("false")));
        assertThat(PatchOptions.builder().force(true).build().toQueryParameters())
                .containsExactly(Map.entry("force", List.of("true")));
        assertThat(PatchOptions.builder().force(true).force(null).build().toQueryParameters()).isEmpty();
        PatchOptions all = PatchOptions.builder().dryRunAll().force(true).fieldManager("m")
                .fieldValidation(FieldValidation.STRICT).build();
        assertThat(all.toQueryParameters()).containsExactly(Map.entry("dryRun", List.of("All")),
                Map.entry("force", List.of("true")), Map.entry("fieldManager", List.of("m")),
                Map.entry("fieldValidation", List.of("Strict")));
        assertThat(all.toBuilder().build()).isEqualTo(all).hasSameHashCodeAs(all);
        assertThat(all.force()).contains(true);
    }

    @Test
    void applyOptionsRequireFieldManager() {
        assertThatThrownBy(() -> ApplyOptions.builder().force(true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fieldManager");
        assertThatThrownBy(() -> ApplyOptions.of(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fieldManager");
        assertThatThrownBy(() -> ApplyOptions.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void applyOptionsAlwaysSendForce() {
        assertThat(ApplyOptions.of("ctrl").toQueryParameters()).containsExactly(
                Map.entry("force", List.of("false")), Map.entry("fieldManager", List.of("ctrl")));
        ApplyOptions forced = ApplyOptions.builder().fieldManager("ctrl").force(true).dryRunAll().build();
        assertThat(forced.toQueryParameters()).containsExactly(Map.entry("dryRun", List.of("All")),
                Map.entry("force", List.of("true")), Map.entry("fieldManager", List.of("ctrl")));
        assertThat(forced.toPatchOptions()).isEqualTo(PatchOptions.builder().dryRunAll().force(true)
                .fieldManager("ctrl").build());
        assertThat(forced.toBuilder().force(false).build()).isNotEqualTo(forced);
        assertThat(forced.toBuilder().build()).isEqualTo(forced).hasSameHashCodeAs(forced);
    }

    @Test
    void patchTypesHaveTheirContentTypes() {
        assertThat(PatchType.JSON.contentType()).isEqualTo("application/json-patch+json");
        assertThat(PatchType.MERGE.contentType()).isEqualTo("application/merge-patch+json");
        assertThat(PatchType.STRATEGIC_MERGE.contentType()).isEqualTo("application/strategic-merge-patch+json");
        assertThat(PatchType.APPLY.contentType()).isEqualTo("application/apply-patch+yaml");
        assertThat(PatchType.APPLY_CBOR.contentType()).isEqualTo("application/apply-patch+cbor");
    }

    @Test
    void enumWireValues() {
        assertThat(FieldValidation.IGNORE.value()).isEqualTo("Ignore");
        assertThat(FieldValidation.WARN.value()).isEqualTo("Warn");
        assertThat(FieldValidation.STRICT.value()).isEqualTo("Strict");
        assertThat(ResourceVersionMatch.NOT_OLDER_THAN.value()).isEqualTo("NotOlderThan");
        assertThat(ResourceVersionMatch.EXACT.value()).isEqualTo("Exact");
        assertThat(DeletionPropagation.ORPHAN.value()).isEqualTo("Orphan");
        assertThat(DeletionPropagation.BACKGROUND.value()).isEqualTo("Background");
        assertThat(DeletionPropagation.FOREGROUND.value()).isEqualTo("Foreground");
    }

    @Test
    void createAndUpdateOptionsShareEncodingButStayDistinctTypes() {
        CreateOptions create = CreateOptions.builder().dryRunAll().fieldManager("m").fieldValidation(FieldValidation.WARN).build();
        UpdateOptions update = UpdateOptions.builder().dryRunAll().fieldManager("m").fieldValidation(FieldValidation.WARN).build();
        assertThat(create.toQueryParameters()).isEqualTo(update.toQueryParameters());
        assertThat(create).isNotEqualTo(update);
        assertThat(create.toString()).startsWith("CreateOptions");
        assertThat(update.toString()).startsWith("UpdateOptions");
        assertThat(update.toBuilder().fieldManager("other").build()).isNotEqualTo(update);
        assertThat(update.toBuilder().build()).isEqualTo(update).hasSameHashCodeAs(update);
        assertThat(update.dryRun()).containsExactly("All");
        assertThat(update.fieldValidation()).contains(FieldValidation.WARN);
    }
}
