package io.kubeclient.apimachinery.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class RequirementTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("x", Operator.IN, List.of("b", "a", "a"), "x in (a,b)"),
                Arguments.of("x", Operator.NOT_IN, List.of(""), "x notin ()"),
                Arguments.of("x", Operator.EQUALS, List.of("a"), "x=a"),
                Arguments.of("x", Operator.DOUBLE_EQUALS, List.of(""), "x=="),
                Arguments.of("x", Operator.NOT_EQUALS, List.of("a"), "x!=a"),
                Arguments.of("x", Operator.EXISTS, List.of(), "x"),
                Arguments.of("x", Operator.DOES_NOT_EXIST, List.of(), "!x"),
                Arguments.of("x", Operator.GREATER_THAN, List.of("10"), "x>10"),
                Arguments.of("x", Operator.LESS_THAN, List.of("0"), "x<0"),
                Arguments.of("example.com/x", Operator.IN, List.of("a"), "example.com/x in (a)"));
    }

    @ParameterizedTest(name = "[{index}] {3}")
    @MethodSource("valid")
    void buildsValidRequirement(String key, Operator op, List<String> values, String expected) {
        Requirement r = Requirement.of(key, op, values);
        assertThat(r).hasToString(expected);
        assertThat(r.key()).isEqualTo(key);
        assertThat(r.operator()).isEqualTo(op);
        assertThat(r.values()).isSorted().doesNotHaveDuplicates();
        assertThat(Labels.parse(expected).requirements()).containsExactly(r);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("x", Operator.IN, List.of(), "for 'in', 'notin' operators, values set can't be empty"),
                Arguments.of("x", Operator.NOT_IN, List.of(), "for 'in', 'notin' operators, values set can't be empty"),
                Arguments.of("x", Operator.EQUALS, List.of(), "exact-match compatibility requires one single value"),
                Arguments.of("x", Operator.EQUALS, List.of("a", "b"), "exact-match compatibility requires one"),
                Arguments.of("x", Operator.EQUALS, List.of("a", "a"), "exact-match compatibility requires one"),
                Arguments.of("x", Operator.DOUBLE_EQUALS, List.of(), "exact-match compatibility requires one"),
                Arguments.of("x", Operator.NOT_EQUALS, List.of("a", "b"), "exact-match compatibility requires one"),
                Arguments.of("x", Operator.EXISTS, List.of("a"), "values set must be empty for exists and does not"),
                Arguments.of("x", Operator.DOES_NOT_EXIST, List.of(""), "values set must be empty for exists"),
                Arguments.of("x", Operator.GREATER_THAN, List.of(), "for 'Gt', 'Lt' operators, exactly one value"),
                Arguments.of("x", Operator.LESS_THAN, List.of("1", "2"), "for 'Gt', 'Lt' operators, exactly one"),
                Arguments.of("x", Operator.LESS_THAN, List.of("a"), "values[0]: Invalid value: \"a\": for 'Gt', "
                        + "'Lt' operators, the value must be an integer"),
                Arguments.of("x", Operator.GREATER_THAN, List.of(""), "the value must be an integer"),
                Arguments.of("", Operator.EXISTS, List.of(), "key: Invalid value: \"\": name part must be non-empty"),
                Arguments.of(null, Operator.EXISTS, List.of(), "key: Required value"),
                Arguments.of("x", null, List.of(), "operator: Unsupported value: null: supported values: \"in\""),
                Arguments.of("x", Operator.EQUALS, Arrays.asList((String) null), "values[0][x]: Required value"),
                Arguments.of("x", Operator.IN, List.of("a", "-b"), "values[1][x]: Invalid value: \"-b\""),
                Arguments.of("x", Operator.IN, List.of("a".repeat(64)), "must be no more than 63 bytes"));
    }

    @ParameterizedTest(name = "[{index}] {0} {1} {2}")
    @MethodSource("invalid")
    void rejectsInvalidRequirement(String key, Operator op, List<String> values, String message) {
        assertThatThrownBy(() -> Requirement.of(key, op, values))
                .isInstanceOf(InvalidRequirementException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aggregatesEveryProblem() {
        InvalidRequirementException e = catchThrowableOfType(InvalidRequirementException.class,
                () -> Requirement.of("-x", Operator.GREATER_THAN, "a", "b"));
        assertThat(e.errors()).hasSize(4);
        assertThat(e.getMessage()).startsWith("[key: Invalid value: \"-x\"").endsWith("]");
    }

    @Test
    void nullValueArrayMeansNoValues() {
        assertThat(Requirement.of("x", Operator.EXISTS, (String[]) null)).hasToString("x");
        assertThat(Requirement.of("x", Operator.EXISTS, (List<String>) null)).hasToString("x");
    }

    @Test
    void valuesAreImmutable() {
        Requirement r = Requirement.of("x", Operator.IN, "a");
        assertThatThrownBy(() -> r.values().add("b")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalityFollowsKeyOperatorAndValueSet() {
        assertThat(Requirement.of("x", Operator.IN, "a", "b")).isEqualTo(Requirement.of("x", Operator.IN, "b", "a"))
                .hasSameHashCodeAs(Requirement.of("x", Operator.IN, "b", "a", "b"));
        assertThat(Requirement.of("x", Operator.EQUALS, "a")).isNotEqualTo(Requirement.of("x", Operator.DOUBLE_EQUALS,
                "a"));
    }

    @ParameterizedTest
    @EnumSource(Operator.class)
    void operatorRoundTripsThroughItsValue(Operator op) {
        assertThat(Operator.fromValue(op.value())).isSameAs(op);
    }

    @Test
    void unknownOperatorValueIsRejected() {
        assertThatThrownBy(() -> Operator.fromValue("In"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unsupported value: \"In\"");
        assertThatThrownBy(() -> Operator.fromValue(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
