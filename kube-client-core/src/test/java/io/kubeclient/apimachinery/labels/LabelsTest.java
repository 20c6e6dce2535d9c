package io.kubeclient.apimachinery.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void everythingIsEmptyAndMatchesAll() {
        Selector s = Labels.everything();
        assertThat(s.isEmpty()).isTrue();
        assertThat(s.isSelectable()).isTrue();
        assertThat(s).hasToString("");
        assertThat(s.matches(Map.of())).isTrue();
        assertThat(s.matches(Map.of("a", "b"))).isTrue();
        assertThat(s.requirements()).isEmpty();
        assertThat(Labels.parse("")).isEqualTo(s);
    }

    @Test
    void nothingMatchesNothingAndPrintsEmpty() {
        Selector s = Labels.nothing();
        assertThat(s.isEmpty()).isFalse();
        assertThat(s.isSelectable()).isFalse();
        assertThat(s).hasToString("");
        assertThat(s.matches(Map.of())).isFalse();
        assertThat(s.matches(null)).isFalse();
        assertThat(s.matches(Map.of("a", "b"))).isFalse();
        assertThat(s.requirements()).isEmpty();
        assertThat(s.add(Requirement.of("a", Operator.EXISTS))).isSameAs(s);
        assertThat(s).isNotEqualTo(Labels.everything());
    }

    @Test
    void addReturnsNewSortedSelectorAndLeavesOriginal() {
        Selector base = Labels.parse("b=1");
        Selector added = base.add(Requirement.of("c", Operator.EXISTS), Requirement.of("a", Operator.IN, "y", "x"));
        assertThat(added).hasToString("a in (x,y),b=1,c");
        assertThat(base).hasToString("b=1");
        assertThat(added.isEmpty()).isFalse();
        assertThat(Labels.everything().add()).isEqualTo(Labels.everything());
        assertThat(Labels.everything().add(Requirement.of("a", Operator.EXISTS))).hasToString("a");
    }

    @Test
    void requirementsAreImmutable() {
        Selector s = Labels.parse("a=b");
        assertThatThrownBy(() -> s.requirements().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalSelectorsCompareEqual() {
        assertThat(Labels.parse("y=b, x=a")).isEqualTo(Labels.parse("x=a,y=b"))
                .hasSameHashCodeAs(Labels.parse("x=a,y=b"));
        assertThat(Labels.parse("x=a")).isNotEqualTo(Labels.parse("x==a"));
    }

    @Test
    void requiresExactMatchForEqualityAndSingleValuedIn() {
        assertThat(Labels.parse("x=a").requiresExactMatch("x")).contains("a");
        assertThat(Labels.parse("x==a").requiresExactMatch("x")).contains("a");
        assertThat(Labels.parse("x in (a)").requiresExactMatch("x")).contains("a");
        assertThat(Labels.parse("x in (a,b)").requiresExactMatch("x")).isEmpty();
        assertThat(Labels.parse("x!=a").requiresExactMatch("x")).isEmpty();
        assertThat(Labels.parse("x").requiresExactMatch("x")).isEmpty();
        assertThat(Labels.parse("y=a").requiresExactMatch("x")).isEmpty();
        assertThat(Labels.nothing().requiresExactMatch("x")).isEmpty();
    }

    @Test
    void selectorFromSetSortsByKeyWithoutValidating() {
        Map<String, String> set = new HashMap<>();
        set.put("b", "2");
        set.put("a", "1");
        set.put("-bad", "$");
        Selector s = Labels.selectorFromSet(set);
        assertThat(s).hasToString("-bad=$,a=1,b=2");
        assertThat(s.matches(Map.of("a", "1", "b", "2", "-bad", "$"))).isTrue();
        assertThat(s.matches(Map.of("a", "1", "b", "2"))).isFalse();
        assertThat(Labels.selectorFromSet(null)).isEqualTo(Labels.everything());
        assertThat(Labels.selectorFromSet(Map.of())).isEqualTo(Labels.everything());
    }

    @Test
    void validatedSelectorFromSetRejectsInvalidEntries() {
        assertThat(Labels.validatedSelectorFromSet(Map.of("b", "2", "a", "1"))).hasToString("a=1,b=2");
        assertThat(Labels.validatedSelectorFromSet(Map.of()).isEmpty()).isTrue();
        assertThat(Labels.validatedSelectorFromSet(null).isEmpty()).isTrue();
        assertThatThrownBy(() -> Labels.validatedSelectorFromSet(Map.of("-bad", "1")))
                .isInstanceOf(InvalidRequirementException.class)
                .hasMessageContaining("key: Invalid value: \"-bad\"");
        assertThatThrownBy(() -> Labels.validatedSelectorFromSet(Map.of("a", "$")))
                .isInstanceOf(InvalidRequirementException.class)
                .hasMessageContaining("values[0][a]: Invalid value: \"$\"");
        Map<String, String> withNullKey = new HashMap<>();
        withNullKey.put(null, "v");
        assertThatThrownBy(() -> Labels.validatedSelectorFromSet(withNullKey))
                .isInstanceOf(InvalidRequirementException.class)
                .hasMessageContaining("key: Required value");
    }

    @Test
    void setBuildsSortedImmutableMap() {
        Map<String, String> set = Labels.set("b", "2", "a", "1");
        assertThat(set).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThatThrownBy(() -> set.put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Labels.set()).isEmpty();
        assertThatThrownBy(() -> Labels.set("a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 arguments");
        assertThatThrownBy(() -> Labels.set("a", "1", "a", "2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repeats key \"a\"");
        assertThatThrownBy(() -> Labels.set("a", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Labels.set((String[]) null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void setStringForms() {
        assertThat(Labels.toString(Labels.set("b", "2", "a", "1"))).isEqualTo("a=1,b=2");
        assertThat(Labels.toString(Map.of())).isEmpty();
        assertThat(Labels.toString(null)).isEmpty();
        assertThat(Labels.formatLabels(Map.of())).isEqualTo("<none>");
        assertThat(Labels.formatLabels(Map.of("a", ""))).isEqualTo("a=");
    }

    @Test
    void setSelectorRoundTripsThroughParse() {
        Map<String, String> set = Labels.set("app", "web", "tier", "", "example.com/x", "1");
        Selector s = Labels.selectorFromSet(set);
        assertThat(Labels.parse(s.toString())).isEqualTo(s);
        assertThat(s.matches(set)).isTrue();
    }

    @Test
    void convertsLabelSelectorObjects() {
        assertThat(Labels.fromLabelSelector(null)).isSameAs(Labels.nothing());
        assertThat(Labels.fromLabelSelector(new LabelSelector()).isEmpty()).isTrue();
        LabelSelector ls = new LabelSelectorBuilder()
                .addToMatchLabels("app", "web")
                .addNewMatchExpression().withKey("tier").withOperator("In").withValues("b", "a").endMatchExpression()
                .addNewMatchExpression().withKey("env").withOperator("NotIn").withValues("dev").endMatchExpression()
                .addNewMatchExpression().withKey("ready").withOperator("Exists").endMatchExpression()
                .addNewMatchExpression().withKey("canary").withOperator("DoesNotExist").endMatchExpression()
                .build();
        assertThat(Labels.fromLabelSelector(ls)).hasToString("app=web,!canary,env notin (dev),ready,tier in (a,b)");
    }

    @Test
    void rejectsBadLabelSelectorObjects() {
        LabelSelector badOp = new LabelSelectorBuilder()
                .addNewMatchExpression().withKey("x").withOperator("Gt").withValues("1").endMatchExpression().build();
        assertThatThrownBy(() -> Labels.fromLabelSelector(badOp))
                .isInstanceOf(InvalidRequirementException.class)
                .hasMessage("\"Gt\" is not a valid label selector operator");
        LabelSelector emptyIn = new LabelSelectorBuilder()
                .addNewMatchExpression().withKey("x").withOperator("In").endMatchExpression().build();
        assertThatThrownBy(() -> Labels.fromLabelSelector(emptyIn))
                .isInstanceOf(InvalidRequirementException.class)
                .hasMessageContaining("values set can't be empty");
        LabelSelector badLabel = new LabelSelectorBuilder().addToMatchLabels("x", "-").build();
        assertThatThrownBy(() -> Labels.fromLabelSelector(badLabel))
                .isInstanceOf(InvalidRequirementException.class);
        assertThat(Labels.fromLabelSelector(new LabelSelector(List.of(), Map.of()))).isEqualTo(Labels.everything());
    }
}
