package io.kubeclient.apimachinery.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationTest {

    static final String PREFIX253 = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);

    static Stream<String> validQualifiedNames() {
        return Stream.of("a", "A", "1", "a.b", "a-b", "a_b", "a--b", "a..b", "MyName", "my.name", "123-abc",
                "a/b", "example.com/MyName", "1-2.3/x", "n".repeat(63), PREFIX253 + "/" + "n".repeat(63));
    }

    @ParameterizedTest
    @MethodSource("validQualifiedNames")
    void acceptsQualifiedName(String name) {
        assertThat(Validation.isQualifiedName(name)).isEmpty();
    }

    static Stream<Arguments> invalidQualifiedNames() {
        String nameRegex = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and "
                + "end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "
                + "validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
        return Stream.of(
                Arguments.of("", List.of("name part must be non-empty", nameRegex)),
                Arguments.of(null, List.of("name part must be non-empty", nameRegex)),
                Arguments.of("-a", List.of(nameRegex)),
                Arguments.of("a-", List.of(nameRegex)),
                Arguments.of(".a", List.of(nameRegex)),
                Arguments.of("a b", List.of(nameRegex)),
                Arguments.of("a\n", List.of(nameRegex)),
                Arguments.of("n".repeat(64), List.of("name part must be no more than 63 bytes")),
                Arguments.of("-".repeat(64), List.of("name part must be no more than 63 bytes", nameRegex)),
                Arguments.of("\u00e9".repeat(32), List.of("name part must be no more than 63 bytes", nameRegex)),
                Arguments.of("/a", List.of("prefix part must be non-empty")),
                Arguments.of("a/", List.of("name part must be non-empty", nameRegex)),
                Arguments.of("a/b/c", List.of("a qualified name must consist of alphanumeric characters, '-', '_' or "
                        + "'.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',"
                        + "  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') "
                        + "with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')")),
                Arguments.of("Example.com/a", List.of("prefix part a lowercase RFC 1123 subdomain must consist of "
                        + "lower case alphanumeric characters, '-' or '.', and must start and end with an "
                        + "alphanumeric character (e.g. 'example.com', regex used for validation is "
                        + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")),
                Arguments.of(PREFIX253 + "d/a", List.of("prefix part must be no more than 253 bytes")));
    }

    @ParameterizedTest
    @MethodSource("invalidQualifiedNames")
    void rejectsQualifiedName(String name, List<String> errors) {
        assertThat(Validation.isQualifiedName(name)).containsExactlyElementsOf(errors);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "A", "1", "a.b", "a-b", "a_b", "MyValue", "my_value", "12345",
            "vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv"})
    void acceptsLabelValue(String value) {
        assertThat(Validation.isValidLabelValue(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-a", "a-", "_a", "a.", "a b", "a/b", "a:b", " ", "\u00e9", "a\n"})
    void rejectsLabelValueCharacters(String value) {
        assertThat(Validation.isValidLabelValue(value)).singleElement().asString()
                .startsWith("a valid label must be an empty string or consist of alphanumeric characters")
                .endsWith("regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
    }

    @Test
    void rejectsLongLabelValue() {
        assertThat(Validation.isValidLabelValue("v".repeat(64))).containsExactly("must be no more than 63 bytes");
        assertThat(Validation.isValidLabelValue(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "0", "a-b", "a--b", "123-abc", "my-name",
            "lllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllll"})
    void acceptsDns1123Label(String value) {
        assertThat(Validation.isDNS1123Label(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "A", "a.b", "-a", "a-", "a_b", "a b", "\u00e9"})
    void rejectsDns1123Label(String value) {
        assertThat(Validation.isDNS1123Label(value)).singleElement().asString()
                .startsWith("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-'");
    }

    @Test
    void dns1123LabelAgreesWithItsPatternOnRandomStrings() {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(Validation.DNS1123_LABEL_FMT);
        java.util.Random random = new java.util.Random(7);
        String alphabet = "abz09-.A_\u00e9";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(i % 10 == 0 ? 70 : 6);
            for (int j = 0; j < n; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String v = sb.toString();
            boolean valid = v.length() <= 63 && pattern.matcher(v).matches();
            assertThat(Validation.isDNS1123Label(v).isEmpty()).as(v).isEqualTo(valid);
        }
    }

    @Test
    void rejectsLongDns1123Label() {
        assertThat(Validation.isDNS1123Label("l".repeat(64))).containsExactly("must be no more than 63 bytes");
        assertThat(Validation.isDNS1123Label(null)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "a.b", "example.com", "a-b.c-d", "0.0", "kube-system"})
    void acceptsDns1123Subdomain(String value) {
        assertThat(Validation.isDNS1123Subdomain(value)).isEmpty();
        assertThat(Validation.isDNS1123Subdomain(PREFIX253)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "A.com", ".a", "a.", "a..b", "a_b", "-a.b", "a-.b", "a/b"})
    void rejectsDns1123Subdomain(String value) {
        assertThat(Validation.isDNS1123Subdomain(value)).singleElement().asString()
                .startsWith("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters");
    }

    @Test
    void rejectsLongDns1123Subdomain() {
        assertThat(Validation.isDNS1123Subdomain(PREFIX253 + "d")).containsExactly("must be no more than 253 bytes");
    }

    @Test
    void dns1035LabelMustStartWithLetter() {
        assertThat(Validation.isDNS1035Label("a1")).isEmpty();
        assertThat(Validation.isDNS1035Label("my-svc")).isEmpty();
        assertThat(Validation.isDNS1035Label("1a")).singleElement().asString()
                .startsWith("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with");
        assertThat(Validation.isDNS1035Label("a".repeat(64))).containsExactly("must be no more than 63 bytes");
    }

    @Test
    void resultsAreImmutable() {
        List<String> errs = Validation.isQualifiedName("-");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> errs.add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
