package io.kubeclient.apimachinery.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabelsParseTest {

    static final String NAME63 = "n".repeat(63);
    static final String NAME64 = "n".repeat(64);
    static final String PREFIX253 = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);
    static final String PREFIX254 = PREFIX253 + "d";

    /** Alternating inputs and expected values, as JUnit arguments. */
    static Stream<Arguments> pairs(String... items) {
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < items.length; i += 2) {
            out.add(Arguments.of(items[i], items[i + 1]));
        }
        return out.stream();
    }

    static Stream<Arguments> validSelectors() {
        return pairs(
                // empty and whitespace-only
                "", "",
                "   ", "",
                "\t\r\n ", "",
                // equality operators and the empty value
                "x=a", "x=a",
                "x==a", "x==a",
                "x!=a", "x!=a",
                "x=", "x=",
                "x==", "x==",
                "x!=", "x!=",
                "x=,y=b", "x=,y=b",
                "x!=,y", "x!=,y",
                // exists and does-not-exist
                "x", "x",
                "!x", "!x",
                " ! x ", "!x",
                "!x,y", "!x,y",
                // set operators
                "x in (a)", "x in (a)",
                "x in (b,a)", "x in (a,b)",
                "x in (a,a,b,b)", "x in (a,b)",
                "x in ()", "x in ()",
                "x in (,)", "x in ()",
                "x in (,,)", "x in ()",
                "x in (a,)", "x in (,a)",
                "x in (,a)", "x in (,a)",
                "x in (a,,b)", "x in (,a,b)",
                "x in (a,,,b)", "x in (,a,b)",
                "x notin (a)", "x notin (a)",
                "x notin (c,b,a)", "x notin (a,b,c)",
                "x notin ()", "x notin ()",
                "x in(a)", "x in (a)",
                "x notin(a,b)", "x notin (a,b)",
                "x in ( a , b )", "x in (a,b)",
                "x\tin\t(\ta\t)", "x in (a)",
                "x in (B,a,A,b)", "x in (A,B,a,b)",
                "x in (10,9,1)", "x in (1,10,9)",
                // gt and lt
                "x>1", "x>1",
                "x<1", "x<1",
                "x > 1", "x>1",
                "x < 1", "x<1",
                "x>0", "x>0",
                "x>01", "x>01",
                "x>9223372036854775807", "x>9223372036854775807",
                "x<1,x>0", "x<1,x>0",
                // keywords are plain identifiers outside operator position
                "in", "in",
                "notin", "notin",
                "!in", "!in",
                "in in (in)", "in in (in)",
                "notin notin (notin)", "notin notin (notin)",
                "in=notin", "in=notin",
                "x=in", "x=in",
                "x in (in,notin)", "x in (in,notin)",
                "in,notin", "in,notin",
                // sorting by key, stable for equal keys
                "y=b,x=a", "x=a,y=b",
                "z,y,x", "x,y,z",
                "x,!y,z=a,w in (b)", "w in (b),x,!y,z=a",
                "x in (foo,,baz),y,z notin ()", "x in (,baz,foo),y,z notin ()",
                "x==a,x!=b", "x==a,x!=b",
                "x!=b,x==a", "x!=b,x==a",
                "b.io/x=1,a.io/x=2", "a.io/x=2,b.io/x=1",
                "B=1,a=2", "B=1,a=2",
                // whitespace between tokens
                "x = a", "x=a",
                "x=a, y=b", "x=a,y=b",
                " x = a , y = b ", "x=a,y=b",
                "x\n=\na", "x=a",
                "x\r\n!=\r\na", "x!=a",
                "  x  ", "x",
                // key and value character rules
                "A=B", "A=B",
                "123=456", "123=456",
                "a_b=c_d", "a_b=c_d",
                "a-b.c=1.2-3", "a-b.c=1.2-3",
                "example.com/app=web", "example.com/app=web",
                "k8s.io/name in (x,y)", "k8s.io/name in (x,y)",
                "a/b", "a/b",
                "!app.kubernetes.io/managed-by", "!app.kubernetes.io/managed-by",
                "x=" + NAME63, "x=" + NAME63,
                NAME63 + "=x", NAME63 + "=x",
                PREFIX253 + "/" + NAME63, PREFIX253 + "/" + NAME63,
                "x in (" + NAME63 + ")", "x in (" + NAME63 + ")");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @MethodSource("validSelectors")
    void parsesToCanonicalString(String input, String canonical) {
        Selector selector = Labels.parse(input);
        assertThat(selector).hasToString(canonical);
        // The canonical form is a fixed point of parsing.
        assertThat(Labels.parse(canonical)).hasToString(canonical).isEqualTo(selector);
    }

    static Stream<Arguments> syntaxErrors() {
        return pairs(
                // commas
                "x=a,", "found end of string, expected: identifier after ','",
                "x,", "found end of string, expected: identifier after ','",
                "x in (a),", "found end of string, expected: identifier after ','",
                ",x", "found ',', expected: !, identifier, or 'end of string'",
                ",", "found ',', expected: !, identifier, or 'end of string'",
                "x,,y", "found ',', expected: identifier after ','",
                "x=a,,y=b", "found ',', expected: identifier after ','",
                "x,=a", "found '=', expected: identifier after ','",
                "x,(a)", "found '(', expected: identifier after ','",
                // sets and parentheses
                "x in (a", "found end of string, expected: ',' or ')'",
                "x in (a,b", "found end of string, expected: ',' or ')'",
                "x in (a,", "found end of string, expected: ',', ')' or identifier",
                "x in (a,,b", "found end of string, expected: ',' or ')'",
                "x notin (a", "found end of string, expected: ',' or ')'",
                "x in a", "found 'a', expected: '('",
                "x in a,b", "found 'a', expected: '('",
                "x in", "found end of string, expected: '('",
                "x notin", "found end of string, expected: '('",
                "x in )", "found ')', expected: '('",
                "x in (", "found end of string, expected: ',', ')' or identifier",
                "x in ((a))", "found '(', expected: ',', ')' or identifier",
                "x in (a))", "found ')', expected: ',' or 'end of string'",
                "x in (a b)", "found 'b', expected: ',' or ')'",
                "x in (a,=)", "found '=', expected: ',', ')' or identifier",
                "x in (a,!)", "found '!', expected: ',', ')' or identifier",
                "x in (a=b)", "found '=', expected: ',' or ')'",
                "x in (a)(b)", "found '(', expected: ',' or 'end of string'",
                "x in (a) y", "found 'y', expected: ',' or 'end of string'",
                "x in [a]", "found '[a]', expected: '('",
                "(x)", "found '(', expected: !, identifier, or 'end of string'",
                ")", "found ')', expected: !, identifier, or 'end of string'",
                // double and misplaced operators
                "x==a==b", "found '==', expected: ',' or 'end of string'",
                "x===a", "found '=', expected: identifier",
                "x=!a", "found '!', expected: identifier",
                "x=!=a", "found '!=', expected: identifier",
                "x=a=b", "found '=', expected: ',' or 'end of string'",
                "x!=a!=b", "found '!=', expected: ',' or 'end of string'",
                "x<=1", "found '=', expected: identifier",
                "x>=1", "found '=', expected: identifier",
                "x=>1", "found '>', expected: identifier",
                "x>>1", "found '>', expected: identifier",
                "x<>1", "found '>', expected: identifier",
                "x=(a)", "found '(', expected: identifier",
                "x=a b", "found 'b', expected: ',' or 'end of string'",
                "x=a)", "found ')', expected: ',' or 'end of string'",
                "=a", "found '=', expected: !, identifier, or 'end of string'",
                "==a", "found '==', expected: !, identifier, or 'end of string'",
                "!=a", "found '!=', expected: !, identifier, or 'end of string'",
                ">1", "found '>', expected: !, identifier, or 'end of string'",
                "<1", "found '<', expected: !, identifier, or 'end of string'",
                // missing or unknown operators
                "x b", "found 'b', expected: in, notin, =, ==, !=, gt, lt",
                "x a=b", "found 'a', expected: in, notin, =, ==, !=, gt, lt",
                "x (a)", "found '(', expected: in, notin, =, ==, !=, gt, lt",
                "x!a", "found '!', expected: in, notin, =, ==, !=, gt, lt",
                "x gt 1", "found 'gt', expected: in, notin, =, ==, !=, gt, lt",
                "x exists", "found 'exists', expected: in, notin, =, ==, !=, gt, lt",
                "x IN (a)", "found 'IN', expected: in, notin, =, ==, !=, gt, lt",
                "a=b, c d", "found 'd', expected: in, notin, =, ==, !=, gt, lt",
                // does-not-exist takes no operator
                "!x=a", "found '=', expected: ',' or 'end of string'",
                "!x in (a)", "found 'in', expected: ',' or 'end of string'",
                "!", "found end of string, expected: identifier",
                "!!x", "found '!', expected: identifier",
                "!,x", "found ',', expected: identifier",
                "!(x)", "found '(', expected: identifier");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("syntaxErrors")
    void rejectsSyntaxErrors(String input, String message) {
        assertThatThrownBy(() -> Labels.parse(input))
                .isInstanceOf(SelectorParseException.class)
                .hasMessageStartingWith(message)
                .hasMessageContaining("in label selector \"" + input + "\"");
    }

    static Stream<Arguments> invalidKeysAndValues() {
        return pairs(
                // keys
                "-x", "key: Invalid value: \"-x\": name part must consist of alphanumeric characters",
                "x-=a", "key: Invalid value: \"x-\": name part must consist",
                "x.", "key: Invalid value: \"x.\": name part must consist",
                "_x", "key: Invalid value: \"_x\"",
                "x$=a", "key: Invalid value: \"x$\"",
                "x:y=a", "key: Invalid value: \"x:y\"",
                "a/b/c", "key: Invalid value: \"a/b/c\": a qualified name must consist",
                "/x", "key: Invalid value: \"/x\": prefix part must be non-empty",
                "x/", "key: Invalid value: \"x/\": name part must be non-empty",
                "/", "key: Invalid value: \"/\": prefix part must be non-empty; name part must be non-empty",
                "Example.com/x", "prefix part a lowercase RFC 1123 subdomain must consist",
                "ex_ample.com/x", "prefix part a lowercase RFC 1123 subdomain must consist",
                "-a.com/x", "prefix part a lowercase RFC 1123 subdomain",
                "a..com/x", "prefix part a lowercase RFC 1123 subdomain",
                NAME64, "name part must be no more than 63 bytes",
                NAME64 + "=x", "name part must be no more than 63 bytes",
                PREFIX254 + "/x", "prefix part must be no more than 253 bytes",
                "\u00e9=a", "key: Invalid value: \"\u00e9\"",
                "x\u0000=a", "key: Invalid value: \"x\u0000\"",
                "!-x", "key: Invalid value: \"-x\"",
                "-x in (a)", "key: Invalid value: \"-x\"",
                // values
                "x=a$", "values[0][x]: Invalid value: \"a$\": a valid label must be an empty string or consist",
                "x=-a", "values[0][x]: Invalid value: \"-a\"",
                "x=a-", "values[0][x]: Invalid value: \"a-\"",
                "x=.a", "values[0][x]: Invalid value: \".a\"",
                "x=a/b", "values[0][x]: Invalid value: \"a/b\"",
                "x==a:b", "values[0][x]: Invalid value: \"a:b\"",
                "x!=a*", "values[0][x]: Invalid value: \"a*\"",
                "x=" + NAME64, "values[0][x]: Invalid value: \"" + NAME64 + "\": must be no more than 63 bytes",
                "x=a\u00a0", "values[0][x]: Invalid value: \"a\u00a0\"",
                "x in (a,b$)", "values[1][x]: Invalid value: \"b$\"",
                "x notin (-a)", "values[0][x]: Invalid value: \"-a\"",
                "x in (" + NAME64 + ")", "must be no more than 63 bytes",
                // gt and lt need an integer
                "x>", "values[0]: Invalid value: \"\": for 'Gt', 'Lt' operators, the value must be an integer",
                "x<", "for 'Gt', 'Lt' operators, the value must be an integer",
                "x>a", "values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer",
                "x<1.5", "for 'Gt', 'Lt' operators, the value must be an integer",
                "x>1e3", "for 'Gt', 'Lt' operators, the value must be an integer",
                "x>0x10", "for 'Gt', 'Lt' operators, the value must be an integer",
                "x>9223372036854775808", "for 'Gt', 'Lt' operators, the value must be an integer",
                "x>-1", "values[0][x]: Invalid value: \"-1\": a valid label must be");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("invalidKeysAndValues")
    void rejectsInvalidKeysAndValues(String input, String message) {
        assertThatThrownBy(() -> Labels.parse(input))
                .isInstanceOf(SelectorParseException.class)
                .hasMessageStartingWith("unable to parse requirement: ")
                .hasMessageContaining(message);
    }

    static Stream<Arguments> errorPositions() {
        return Stream.of(
                Arguments.of("x=a,,y", 4),
                Arguments.of("x in (a", 7),
                Arguments.of("a=b, c d", 7),
                Arguments.of("abc=-x", 0),
                Arguments.of("x=a, y=-", 5),
                Arguments.of("x=a, -y", 5),
                Arguments.of(",x", 0),
                Arguments.of("x=a,", 4),
                Arguments.of("  !x=a", 4));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" at {1}")
    @MethodSource("errorPositions")
    void errorNamesPosition(String input, int position) {
        SelectorParseException e = catchThrowableOfType(SelectorParseException.class, () -> Labels.parse(input));
        assertThat(e.position()).isEqualTo(position);
        assertThat(e.selector()).isEqualTo(input);
        assertThat(e).hasMessageContaining("at position " + position);
    }

    @Test
    void invalidRequirementIsTheCauseOfItsParseError() {
        SelectorParseException e = catchThrowableOfType(SelectorParseException.class, () -> Labels.parse("x>a"));
        assertThat(e.getCause()).isInstanceOf(InvalidRequirementException.class);
    }

    @Test
    void rejectsNullWithTypedError() {
        assertThatThrownBy(() -> Labels.parse(null))
                .isInstanceOf(SelectorParseException.class)
                .hasMessageContaining("must not be null");
    }

    @Test
    void parsedRequirementsCarryKeyOperatorAndSortedValues() {
        List<Requirement> reqs = Labels.parse("z notin (b,a,b), !y, x>3, w, v==1, u!=, t in ()").requirements();
        assertThat(reqs).extracting(Requirement::key).containsExactly("t", "u", "v", "w", "x", "y", "z");
        assertThat(reqs).extracting(Requirement::operator).containsExactly(Operator.IN, Operator.NOT_EQUALS,
                Operator.DOUBLE_EQUALS, Operator.EXISTS, Operator.GREATER_THAN, Operator.DOES_NOT_EXIST,
                Operator.NOT_IN);
        assertThat(reqs).extracting(Requirement::values).containsExactly(List.of(""), List.of(""), List.of("1"),
                List.of(), List.of("3"), List.of(), List.of("a", "b"));
    }

    @Test
    void parsingIsLinearOnLongInput() {
        String input = "k=v,".repeat(20_000) + "k=v";
        assertThat(Labels.parse(input).requirements()).hasSize(20_001);
    }
}
