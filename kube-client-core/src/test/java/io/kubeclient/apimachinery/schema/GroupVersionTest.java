package io.kubeclient.apimachinery.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GroupVersionTest {

    @Test
    void parsesNamedGroup() {
        GroupVersion gv = GroupVersion.parse("apps/v1");
        assertThat(gv.group()).isEqualTo("apps");
        assertThat(gv.version()).isEqualTo("v1");
        assertThat(gv).hasToString("apps/v1");
    }

    @Test
    void parsesCoreGroup() {
        GroupVersion gv = GroupVersion.parse("v1");
        assertThat(gv.group()).isEmpty();
        assertThat(gv).hasToString("v1");
    }

    @Test
    void emptyAndSlashAreEmpty() {
        assertThat(GroupVersion.parse("").isEmpty()).isTrue();
        assertThat(GroupVersion.parse("/").isEmpty()).isTrue();
    }

    @Test
    void rejectsTwoSlashes() {
        assertThatThrownBy(() -> GroupVersion.parse("a/b/c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a/b/c");
    }

    @Test
    void equalByGroupAndVersion() {
        GroupVersion apps = GroupVersion.of("apps", "v1");
        assertThat(apps).isEqualTo(GroupVersion.parse("apps/v1")).hasSameHashCodeAs(GroupVersion.parse("apps/v1"));
        assertThat(apps).isNotEqualTo(GroupVersion.of("apps", "v2"));
        assertThat(apps).isNotEqualTo(GroupVersion.of("batch", "v1"));
        // The split matters, not the concatenation.
        assertThat(GroupVersion.of("a", "bc")).isNotEqualTo(GroupVersion.of("ab", "c"));
        assertThat(apps).isNotEqualTo("apps/v1");
        assertThat(apps).isNotEqualTo(null);
    }
}
