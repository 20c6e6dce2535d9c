package io.kubeclient.apimachinery.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FieldsTest {

    static Stream<Arguments> pairs(String... items) {
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < items.length; i += 2) {
            out.add(Arguments.of(items[i], items[i + 1]));
        }
        return out.stream();
    }

    static Stream<Arguments> validSelectors() {
        return pairs(
                "", "",
                ",", "",
                ",,", "",
                "a=b", "a=b",
                "a==b", "a=b",
                "a!=b", "a!=b",
                "a=", "a=",
                "a==", "a=",
                "a!=", "a!=",
                "=b", "=b",
                "metadata.name=foo", "metadata.name=foo",
                "metadata.namespace==default", "metadata.namespace=default",
                "status.phase!=Running,spec.nodeName=", "spec.nodeName=,status.phase!=Running",
                // terms sorted as raw strings, '!' sorts before '='
                "c=d,a=b", "a=b,c=d",
                "a=b,a!=c", "a!=c,a=b",
                "a=c,a=b", "a=b,a=c",
                "b=1,a==2", "a=2,b=1",
                "a=b,A=b", "A=b,a=b",
                // empty terms are skipped
                "a=b,,c=d", "a=b,c=d",
                ",a=b,", "a=b",
                // whitespace is significant
                " a = b ", " a = b ",
                "a= b", "a= b",
                "a =b", "a =b",
                // escaping in values
                "a=b\\,c", "a=b\\,c",
                "a=b\\=c", "a=b\\=c",
                "a=b\\\\c", "a=b\\\\c",
                "a=b\\\\,c=d", "a=b\\\\,c=d",
                "a=\\,,b=\\=", "a=\\,,b=\\=",
                "a=\\\\\\,\\=", "a=\\\\\\,\\=",
                // an escaped comma does not split; field names are kept raw
                "a\\,b=c", "a\\,b=c",
                // the operator search ignores escapes: the field here is "a\\"
                "a\\=b", "a\\=b",
                // other characters pass through
                "a=\u00fc", "a=\u00fc",
                "a=b c", "a=b c",
                "a=(b)", "a=(b)",
                "a=x>y", "a=x>y",
                "a.b/c=d", "a.b/c=d");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @MethodSource("validSelectors")
    void parsesToCanonicalString(String input, String canonical) {
        Selector s = Fields.parseSelector(input);
        assertThat(s).hasToString(canonical);
        assertThat(Fields.parseSelector(canonical)).isEqualTo(s);
    }

    static Stream<Arguments> invalidSelectors() {
        return pairs(
                "a", "invalid selector: 'a'; can't understand 'a'",
                "a=b,c", "invalid selector: 'a=b,c'; can't understand 'c'",
                "a<b", "can't understand 'a<b'",
                "a>b", "can't understand 'a>b'",
                "a in (b)", "can't understand 'a in (b)'",
                "!a", "can't understand '!a'",
                " ", "can't understand ' '",
                "a=b=c", "invalid field selector: unescaped character in value: 61",
                "a!=b=c", "invalid field selector: unescaped character in value: 61",
                "a===b", "invalid field selector: unescaped character in value: 61",
                "a!==b", "invalid field selector: unescaped character in value: 61",
                "a\\=b=c", "invalid field selector: unescaped character in value: 61",
                "a=b\\", "invalid field selector: invalid escape sequence: \\",
                "a=\\", "invalid field selector: invalid escape sequence: \\",
                "a=b\\x", "invalid field selector: invalid escape sequence: \\x",
                "a=b\\n", "invalid field selector: invalid escape sequence: \\n",
                "a=b\\ ", "invalid field selector: invalid escape sequence: \\ ",
                "a=\\\u00fc", "invalid field selector: invalid escape sequence: \\\u00fc");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("invalidSelectors")
    void rejectsInvalidSelector(String input, String message) {
        assertThatThrownBy(() -> Fields.parseSelector(input))
                .isInstanceOf(SelectorParseException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void operatorSearchIgnoresEscapes() {
        assertThat(Fields.parseSelector("a\\=b").requirements())
                .containsExactly(new Requirement("a\\", Requirement.Operator.EQUALS, "b"));
    }

    @Test
    void errorsNameTermAndPosition() {
        SelectorParseException e = catchThrowableOfType(SelectorParseException.class,
                () -> Fields.parseSelector("a=b,c"));
        assertThat(e.position()).isEqualTo(4);
        assertThat(e).hasMessageContaining("at position 4");
        e = catchThrowableOfType(SelectorParseException.class, () -> Fields.parseSelector("x=1,a=b\\x"));
        assertThat(e.position()).isEqualTo(7);
        assertThat(e).hasMessageContaining("in term 'a=b\\x'");
        e = catchThrowableOfType(SelectorParseException.class, () -> Fields.parseSelector("a=b=c"));
        assertThat(e.position()).isEqualTo(3);
        assertThat(e).hasMessageContaining("'=' at position 3");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> Fields.parseSelector(null)).isInstanceOf(SelectorParseException.class);
        assertThatThrownBy(() -> Fields.unescapeValue(null)).isInstanceOf(SelectorParseException.class);
    }

    static Map<String, String> fields(String spec) {
        Map<String, String> out = new HashMap<>();
        if (spec.isEmpty()) {
            return out;
        }
        for (String kv : spec.split(";")) {
            int eq = kv.indexOf('=');
            out.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return out;
    }

    static Stream<Arguments> matchCases() {
        return Stream.of(
                Arguments.of("", "", true),
                Arguments.of("", "a=b", true),
                Arguments.of("a=b", "a=b", true),
                Arguments.of("a=b", "a=c", false),
                Arguments.of("a=b", "", false),
                Arguments.of("a==b", "a=b", true),
                Arguments.of("a!=b", "", true),
                Arguments.of("a!=b", "a=b", false),
                Arguments.of("a!=b", "a=c", true),
                Arguments.of("a=", "", true),
                Arguments.of("a=", "a=", true),
                Arguments.of("a=", "a=x", false),
                Arguments.of("a!=", "", false),
                Arguments.of("a!=", "a=x", true),
                Arguments.of("a=b,c=d", "a=b;c=d", true),
                Arguments.of("a=b,c=d", "a=b", false),
                Arguments.of("a=b,c!=d", "a=b;c=e", true),
                Arguments.of("a=b\\,c", "a=b,c", true),
                Arguments.of("a=b\\=c", "a=b=c", true),
                Arguments.of("a=b\\\\c", "a=b\\c", true),
                Arguments.of("a=B", "a=b", false),
                Arguments.of(" a=b", "a=b", false));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" on {1} -> {2}")
    @MethodSource("matchCases")
    void matches(String selector, String fields, boolean expected) {
        assertThat(Fields.parseSelector(selector).matches(fields(fields))).isEqualTo(expected);
    }

    static Stream<Arguments> escapes() {
        return pairs(
                "", "",
                "abc", "abc",
                "a,b", "a\\,b",
                "a=b", "a\\=b",
                "a\\b", "a\\\\b",
                "\\,=", "\\\\\\,\\=",
                ",,", "\\,\\,",
                "a b!", "a b!");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" <-> \"{1}\"")
    @MethodSource("escapes")
    void escapesAndUnescapes(String raw, String escaped) {
        assertThat(Fields.escapeValue(raw)).isEqualTo(escaped);
        assertThat(Fields.unescapeValue(escaped)).isEqualTo(raw);
        assertThat(Fields.oneTermEqualSelector("f", raw)).hasToString("f=" + escaped);
        assertThat(Fields.parseSelector("f=" + escaped).requiresExactMatch("f")).contains(raw);
    }

    static Stream<Arguments> badEscapes() {
        return pairs(
                "\\", "invalid field selector: invalid escape sequence: \\",
                "a\\", "invalid field selector: invalid escape sequence: \\",
                "a\\b", "invalid field selector: invalid escape sequence: \\b",
                "\\\\\\", "invalid field selector: invalid escape sequence: \\",
                "a,b", "invalid field selector: unescaped character in value: 44",
                "a=b", "invalid field selector: unescaped character in value: 61");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("badEscapes")
    void rejectsBadEscapes(String value, String message) {
        assertThatThrownBy(() -> Fields.unescapeValue(value))
                .isInstanceOf(SelectorParseException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void escapeValueOfNullIsEmpty() {
        assertThat(Fields.escapeValue(null)).isEmpty();
    }

    @Test
    void everythingIsEmpty() {
        assertThat(Fields.everything().isEmpty()).isTrue();
        assertThat(Fields.everything()).hasToString("");
        assertThat(Fields.everything().matches(null)).isTrue();
        assertThat(Fields.parseSelector("")).isEqualTo(Fields.everything());
        assertThat(Fields.parseSelector("a=b").isEmpty()).isFalse();
    }

    @Test
    void oneTermSelectors() {
        Selector eq = Fields.oneTermEqualSelector("metadata.name", "a,b");
        assertThat(eq).hasToString("metadata.name=a\\,b");
        assertThat(eq.matches(Map.of("metadata.name", "a,b"))).isTrue();
        assertThat(eq.requiresExactMatch("metadata.name")).contains("a,b");
        assertThat(eq.requirements()).containsExactly(
                new Requirement("metadata.name", Requirement.Operator.EQUALS, "a,b"));
        Selector ne = Fields.oneTermNotEqualSelector("status.phase", "Running");
        assertThat(ne).hasToString("status.phase!=Running");
        assertThat(ne.matches(Map.of("status.phase", "Running"))).isFalse();
        assertThat(ne.matches(Map.of())).isTrue();
        assertThat(ne.requiresExactMatch("status.phase")).isEmpty();
        assertThatThrownBy(() -> Fields.oneTermEqualSelector(null, "x")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void andSelectorsConcatenatesTerms() {
        Selector and = Fields.andSelectors(Fields.oneTermEqualSelector("z", "1"),
                Fields.everything(), Fields.parseSelector("b!=2,a=3"));
        assertThat(and).hasToString("z=1,a=3,b!=2");
        assertThat(and.matches(Map.of("z", "1", "a", "3"))).isTrue();
        assertThat(and.matches(Map.of("z", "1", "a", "3", "b", "2"))).isFalse();
        assertThat(Fields.andSelectors()).isEqualTo(Fields.everything());
        assertThat(Fields.andSelectors((Selector[]) null)).isEqualTo(Fields.everything());
    }

    @Test
    void selectorFromSetSortsByField() {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("spec.nodeName", "n=1");
        set.put("metadata.name", "x");
        assertThat(Fields.selectorFromSet(set)).hasToString("metadata.name=x,spec.nodeName=n\\=1");
        assertThat(Fields.selectorFromSet(set).matches(set)).isTrue();
        assertThat(Fields.selectorFromSet(Map.of())).isEqualTo(Fields.everything());
        assertThat(Fields.selectorFromSet(null)).isEqualTo(Fields.everything());
    }

    @Test
    void requiresExactMatchUsesFirstEqualityTerm() {
        Selector s = Fields.parseSelector("a=c,a=b,x!=y");
        assertThat(s.requiresExactMatch("a")).contains("b");
        assertThat(s.requiresExactMatch("x")).isEmpty();
        assertThat(s.requiresExactMatch("missing")).isEmpty();
    }

    @Test
    void transformRewritesAndDropsTerms() {
        Selector s = Fields.parseAndTransformSelector("name=a\\,b,ignored=x,status.phase!=Running",
                (field, value) -> switch (field) {
                    case "name" -> Map.entry("metadata.name", value.toUpperCase());
                    case "ignored" -> Map.entry("", "");
                    default -> Map.entry(field, value);
                });
        assertThat(s).hasToString("metadata.name=A\\,B,status.phase!=Running");
        assertThat(Fields.parseSelector("a=b").transform((f, v) -> Map.entry("", ""))).isEqualTo(Fields.everything());
        assertThatThrownBy(() -> Fields.parseSelector("a=b").transform((f, v) -> null))
                .isInstanceOf(SelectorParseException.class)
                .hasMessageContaining("'a=b'");
        assertThat(Fields.parseAndTransformSelector("a=b", null)).hasToString("a=b");
    }

    @Test
    void requirementsAreImmutable() {
        Selector s = Fields.parseSelector("a=b");
        assertThatThrownBy(() -> s.requirements().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
