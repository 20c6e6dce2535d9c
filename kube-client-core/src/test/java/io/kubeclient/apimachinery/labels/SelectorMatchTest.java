package io.kubeclient.apimachinery.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SelectorMatchTest {

    /** Labels written as {@code k=v;k2=v2} ({@code ""} for none). */
    static Map<String, String> labels(String spec) {
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

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("", "", true),
                Arguments.of("", "a=b", true),
                // = and ==
                Arguments.of("x=a", "x=a", true),
                Arguments.of("x=a", "x=b", false),
                Arguments.of("x=a", "", false),
                Arguments.of("x=a", "y=a", false),
                Arguments.of("x=a", "x=A", false),
                Arguments.of("x==a", "x=a", true),
                Arguments.of("x==a", "x=b", false),
                Arguments.of("x=", "x=", true),
                Arguments.of("x=", "", false),
                Arguments.of("x=", "x=a", false),
                // != matches when the key is absent
                Arguments.of("x!=a", "", true),
                Arguments.of("x!=a", "x=a", false),
                Arguments.of("x!=a", "x=b", true),
                Arguments.of("x!=a", "y=a", true),
                Arguments.of("x!=", "", true),
                Arguments.of("x!=", "x=", false),
                Arguments.of("x!=", "x=a", true),
                // in and notin
                Arguments.of("x in (a,b)", "x=b", true),
                Arguments.of("x in (a,b)", "x=c", false),
                Arguments.of("x in (a,b)", "", false),
                Arguments.of("x in ()", "x=", true),
                Arguments.of("x in ()", "x=a", false),
                Arguments.of("x in (,a)", "x=", true),
                Arguments.of("x notin (a,b)", "", true),
                Arguments.of("x notin (a,b)", "x=a", false),
                Arguments.of("x notin (a,b)", "x=c", true),
                Arguments.of("x notin ()", "x=", false),
                Arguments.of("x notin ()", "x=a", true),
                // exists and does-not-exist
                Arguments.of("x", "x=", true),
                Arguments.of("x", "x=a", true),
                Arguments.of("x", "", false),
                Arguments.of("x", "y=1", false),
                Arguments.of("!x", "", true),
                Arguments.of("!x", "x=", false),
                Arguments.of("!x", "y=1", true),
                // gt and lt compare 64-bit integers; anything unparseable never matches
                Arguments.of("x>1", "x=2", true),
                Arguments.of("x>1", "x=1", false),
                Arguments.of("x>1", "x=0", false),
                Arguments.of("x>1", "", false),
                Arguments.of("x>1", "x=abc", false),
                Arguments.of("x>1", "x=", false),
                Arguments.of("x>1", "x=1.5", false),
                Arguments.of("x>1", "x=-5", false),
                Arguments.of("x>1", "x=+5", true),
                Arguments.of("x>1", "x= 5", false),
                Arguments.of("x>1", "x=\u0663", false),
                Arguments.of("x>1", "x=9223372036854775807", true),
                Arguments.of("x>1", "x=9223372036854775808", false),
                Arguments.of("x>01", "x=2", true),
                Arguments.of("x<1", "x=0", true),
                Arguments.of("x<1", "x=-1", true),
                Arguments.of("x<1", "x=1", false),
                Arguments.of("x<1", "x=2", false),
                Arguments.of("x<1", "", false),
                Arguments.of("x<0", "x=-9223372036854775808", true),
                Arguments.of("x>1,x<5", "x=3", true),
                Arguments.of("x>1,x<5", "x=5", false),
                Arguments.of("x>1,x<5", "x=1", false),
                // conjunction of requirements
                Arguments.of("x=a,y=b", "x=a;y=b", true),
                Arguments.of("x=a,y=b", "x=a", false),
                Arguments.of("x=a,y=b", "x=a;y=b;z=c", true),
                Arguments.of("x,!y", "x=1", true),
                Arguments.of("x,!y", "x=1;y=2", false),
                Arguments.of("x in (a),x notin (b)", "x=a", true),
                Arguments.of("x in (a,b),x notin (b)", "x=b", false),
                Arguments.of("a.b/c=d", "a.b/c=d", true),
                Arguments.of("a.b/c=d", "c=d", false),
                Arguments.of("env in (prod,staging),tier!=cache,!canary", "env=prod;tier=web", true),
                Arguments.of("env in (prod,staging),tier!=cache,!canary", "env=prod;tier=cache", false),
                Arguments.of("env in (prod,staging),tier!=cache,!canary", "env=prod;canary=", false));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" on {1} -> {2}")
    @MethodSource("cases")
    void matches(String selector, String labels, boolean expected) {
        assertThat(Labels.parse(selector).matches(labels(labels))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" on null")
    @MethodSource("cases")
    void nullLabelsAreNoLabels(String selector, String labels, boolean ignored) {
        Selector s = Labels.parse(selector);
        assertThat(s.matches(null)).isEqualTo(s.matches(Map.of()));
    }
}
