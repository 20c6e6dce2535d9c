package io.kubeclient.apimachinery.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ListAndGetOptionsTest {

    static Stream<Arguments> eachListField() {
        return Stream.of(
                Arguments.of((UnaryOperator<ListOptions.Builder>) b -> b.labelSelector("app=web,tier in (a,b)"),
                        "labelSelector", "app=web,tier in (a,b)"),
                Arguments.of((UnaryOperator<ListOptions.Builder>) b -> b.fieldSelector("metadata.name=x"),
                        "fieldSelector", "metadata.name=x"),
                Arguments.of((UnaryOperator<ListOptions.Builder>) b -> b.watch(true), "watch", "true"),
                Arguments.of((UnaryOperator<ListOptions.Builder>) b -> b.allowWatchBookmarks(true),
                        "allowWatchBookmarks", "true"),
                Arguments.of((UnaryOperator<ListOptions.Builder>) b -> b.resourceVersion("123"),
                        "resourceVersion", "123"),
                Arguments.of((UnaryOperator<ListOptions.Builder>) b -> b.resourceVersion("0"), "resourceVersion", "0"),
                Arguments.of((UnaryOperator<ListOptions.Builder>)
                        b -> b.resourceVersionMatch(ResourceVersionMatch.NOT_OLDER_THAN),
                        "resourceVersionMatch", "NotOlderThan"),
                Arguments.of((UnaryOperator<ListOptions.Builder>)
                        b -> b.resourceVersionMatch(ResourceVersionMatch.EXACT), "resourceVersionMatch", "Exact"),
                Arguments.of((UnaryOperator<ListOptions.Builder>) b -> b.timeoutSeconds(30), "timeoutSeconds", "30"),
                Arguments.of((UnaryOperator<ListOptions.Builder>) b -> b.timeoutSeconds(0), "timeoutSeconds", "0"),
                Arguments.of((UnaryOperator<ListOptions.Builder>) b -> b.limit(500), "limit", "500"),
                Arguments.of((UnaryOperator<ListOptions.Builder>) b -> b.continueToken("eyJ2IjoibWV0YSJ9"),
                        "continue", "eyJ2IjoibWV0YSJ9"),
                Arguments.of((UnaryOperator<ListOptions.Builder>) b -> b.sendInitialEvents(true),
                        "sendInitialEvents", "true"),
                Arguments.of((UnaryOperator<ListOptions.Builder>) b -> b.sendInitialEvents(false),
                        "sendInitialEvents", "false"));
    }

    @ParameterizedTest(name = "{1}={2}")
    @MethodSource("eachListField")
    void eachListFieldEncodesToItsParameter(UnaryOperator<ListOptions.Builder> set, String name, String value) {
        ListOptions options = set.apply(ListOptions.builder()).build();
        assertThat(options.toQueryParameters()).containsExactly(Map.entry(name, List.of(value)));
    }

    @Test
    void zeroValuesAreOmitted() {
        ListOptions options = ListOptions.builder().labelSelector("").fieldSelector(null).watch(false)
                .allowWatchBookmarks(false).resourceVersion("").limit(0).continueToken("")
                .resourceVersionMatch(null).sendInitialEvents(null).build();
        assertThat(options.toQueryParameters()).isEmpty();
        assertThat(ListOptions.empty().toQueryParameters()).isEmpty();
        assertThat(ListOptions.builder().timeoutSeconds(5).clearTimeoutSeconds().build().toQueryParameters()).isEmpty();
    }

    @Test
    void allFieldsInFieldOrder() {
        ListOptions options = ListOptions.builder().labelSelector("a=b").fieldSelector("c=d").watch(true)
                .allowWatchBookmarks(true).resourceVersion("10")
                .resourceVersionMatch(ResourceVersionMatch.NOT_OLDER_THAN).timeoutSeconds(60).limit(5)
                .continueToken("tok").sendInitialEvents(true).build();
        Map<String, String> seen = new LinkedHashMap<>();
        options.encodeTo(seen::put);
        assertThat(seen.keySet()).containsExactly("labelSelector", "fieldSelector", "watch", "allowWatchBookmarks",
                "resourceVersion", "resourceVersionMatch", "timeoutSeconds", "limit", "continue", "sendInitialEvents");
    }

    @Test
    void accessorsAndToBuilder() {
        ListOptions options = ListOptions.builder().labelSelector("a=b").limit(5).timeoutSeconds(9)
                .sendInitialEvents(false).resourceVersionMatch(ResourceVersionMatch.EXACT).build();
        assertThat(options.labelSelector()).isEqualTo("a=b");
        assertThat(options.fieldSelector()).isEmpty();
        assertThat(options.limit()).isEqualTo(5);
        assertThat(options.timeoutSeconds()).hasValue(9);
        assertThat(options.sendInitialEvents()).contains(false);
        assertThat(options.resourceVersionMatch()).contains(ResourceVersionMatch.EXACT);
        assertThat(options.watch()).isFalse();
        ListOptions watch = options.toBuilder().watch(true).build();
        assertThat(watch.watch()).isTrue();
        assertThat(options.watch()).isFalse();
        assertThat(watch.toBuilder().watch(false).build()).isEqualTo(options).hasSameHashCodeAs(options);
        assertThat(options).hasToString(
                "ListOptions{labelSelector=a=b, resourceVersionMatch=Exact, timeoutSeconds=9, limit=5,"
                        + " sendInitialEvents=false}");
    }

    @Test
    void rejectsNegativeLimitAndTimeout() {
        assertThatThrownBy(() -> ListOptions.builder().limit(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be >= 0, was -1");
        assertThatThrownBy(() -> ListOptions.builder().timeoutSeconds(-3))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("timeoutSeconds must be >= 0, was -3");
    }

    @Test
    void getOptions() {
        assertThat(GetOptions.empty().toQueryParameters()).isEmpty();
        assertThat(new GetOptions(null).toQueryParameters()).isEmpty();
        assertThat(GetOptions.atResourceVersion("0").toQueryParameters())
                .containsExactly(Map.entry("resourceVersion", List.of("0")));
        assertThat(GetOptions.atResourceVersion("42").resourceVersion()).isEqualTo("42");
    }

    @Test
    void queryParameterMapIsUnmodifiable() {
        Map<String, List<String>> params = ListOptions.builder().limit(1).build().toQueryParameters();
        assertThatThrownBy(() -> params.put("x", List.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> params.get("limit").add("2")).isInstanceOf(UnsupportedOperationException.class);
    }
}
