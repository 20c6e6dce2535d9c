package io.kubeclient.apimachinery.patch;

import static io.kubeclient.apimachinery.patch.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class JsonPatchTest {

    static Stream<Arguments> applyCases() {
        return Stream.of(
                Arguments.of("add member", "{'a':1}", "[{'op':'add','path':'/b','value':[2]}]", "{'a':1,'b':[2]}"),
                Arguments.of("add replaces member", "{'a':1}", "[{'op':'add','path':'/a','value':2}]", "{'a':2}"),
                Arguments.of("add inserts into array", "{'l':[1,3]}", "[{'op':'add','path':'/l/1','value':2}]",
                        "{'l':[1,2,3]}"),
                Arguments.of("add appends with -", "{'l':[1]}", "[{'op':'add','path':'/l/-','value':2}]",
                        "{'l':[1,2]}"),
                Arguments.of("add at array end index", "{'l':[1]}", "[{'op':'add','path':'/l/1','value':2}]",
                        "{'l':[1,2]}"),
                Arguments.of("add whole document", "{'a':1}", "[{'op':'add','path':'','value':{'b':2}}]", "{'b':2}"),
                Arguments.of("remove member", "{'a':1,'b':2}", "[{'op':'remove','path':'/a'}]", "{'b':2}"),
                Arguments.of("remove array item", "{'l':[1,2,3]}", "[{'op':'remove','path':'/l/0'}]", "{'l':[2,3]}"),
                Arguments.of("replace", "{'a':{'b':1}}", "[{'op':'replace','path':'/a/b','value':'x'}]",
                        "{'a':{'b':'x'}}"),
                Arguments.of("replace array item", "{'l':[1,2]}", "[{'op':'replace','path':'/l/1','value':9}]",
                        "{'l':[1,9]}"),
                Arguments.of("replace whole document", "{'a':1}", "[{'op':'replace','path':'','value':[1]}]", "[1]"),
                Arguments.of("move member", "{'a':{'b':1},'c':{}}", "[{'op':'move','from':'/a/b','path':'/c/d'}]",
                        "{'a':{},'c':{'d':1}}"),
                Arguments.of("move within array", "{'l':[1,2,3]}", "[{'op':'move','from':'/l/0','path':'/l/-'}]",
                        "{'l':[2,3,1]}"),
                Arguments.of("copy", "{'a':{'b':[1]}}", "[{'op':'copy','from':'/a','path':'/c'}]",
                        "{'a':{'b':[1]},'c':{'b':[1]}}"),
                Arguments.of("test passes", "{'a':[1,{'b':2}]}",
                        "[{'op':'test','path':'/a','value':[1,{'b':2}]},{'op':'remove','path':'/a'}]", "{}"),
                Arguments.of("test compares numbers by value", "{'n':1}", "[{'op':'test','path':'/n','value':1.0}]",
                        "{'n':1}"),
                Arguments.of("escaped slash", "{'a/b':1}", "[{'op':'replace','path':'/a~1b','value':2}]",
                        "{'a/b':2}"),
                Arguments.of("escaped tilde", "{'m~n':1}", "[{'op':'remove','path':'/m~0n'}]", "{}"),
                Arguments.of("tilde then one", "{'~1':1}", "[{'op':'remove','path':'/~01'}]", "{}"),
                Arguments.of("annotation key with slashes", "{'metadata':{'annotations':{'example.com/x':'1'}}}",
                        "[{'op':'replace','path':'/metadata/annotations/example.com~1x','value':'2'}]",
                        "{'metadata':{'annotations':{'example.com/x':'2'}}}"),
                Arguments.of("empty member name", "{'':1}", "[{'op':'replace','path':'/','value':2}]", "{'':2}"),
                Arguments.of("operations apply in order", "{}",
                        "[{'op':'add','path':'/a','value':{}},{'op':'add','path':'/a/b','value':1},"
                                + "{'op':'copy','from':'/a/b','path':'/c'}]",
                        "{'a':{'b':1},'c':1}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applyCases")
    void appliesOperations(String name, String target, String patch, String expected) {
        JsonNode original = json(target);

        assertThat(JsonPatch.apply(original, json(patch))).isEqualTo(json(expected));
        assertThat(original).as("target untouched").isEqualTo(json(target));
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("remove missing member", "[{'op':'remove','path':'/x'}]", PatchApplyException.class,
                        "/x"),
                Arguments.of("replace missing member", "[{'op':'replace','path':'/a/x','value':1}]",
                        PatchApplyException.class, "/a/x"),
                Arguments.of("add below missing parent", "[{'op':'add','path':'/x/y','value':1}]",
                        PatchApplyException.class, "/x"),
                Arguments.of("array index out of bounds", "[{'op':'add','path':'/l/5','value':1}]",
                        PatchApplyException.class, "out of bounds"),
                Arguments.of("leading zero index", "[{'op':'remove','path':'/l/01'}]", PatchApplyException.class,
                        "not a valid array index"),
                Arguments.of("non-numeric index", "[{'op':'replace','path':'/l/x','value':1}]",
                        PatchApplyException.class, "not a valid array index"),
                Arguments.of("add into scalar", "[{'op':'add','path':'/s/x','value':1}]", PatchApplyException.class,
                        "not an object or array"),
                Arguments.of("move from missing", "[{'op':'move','from':'/nope','path':'/b'}]",
                        PatchApplyException.class, "/nope"),
                Arguments.of("move into own child", "[{'op':'move','from':'/a','path':'/a/b'}]",
                        InvalidPatchException.class, "own children"),
                Arguments.of("copy from missing", "[{'op':'copy','from':'/nope','path':'/b'}]",
                        PatchApplyException.class, "/nope"),
                Arguments.of("test fails", "[{'op':'test','path':'/s','value':'other'}]",
                        PatchTestFailedException.class, "expected \"other\""),
                Arguments.of("test on missing path", "[{'op':'test','path':'/missing','value':1}]",
                        PatchApplyException.class, "/missing"),
                Arguments.of("unknown op", "[{'op':'frob','path':'/a'}]", InvalidPatchException.class, "frob"),
                Arguments.of("missing op", "[{'path':'/a'}]", InvalidPatchException.class, "\"op\""),
                Arguments.of("missing path", "[{'op':'remove'}]", InvalidPatchException.class, "\"path\""),
                Arguments.of("missing value", "[{'op':'add','path':'/a'}]", InvalidPatchException.class, "\"value\""),
                Arguments.of("missing from", "[{'op':'copy','path':'/a'}]", InvalidPatchException.class, "\"from\""),
                Arguments.of("path without slash", "[{'op':'remove','path':'a'}]", InvalidPatchException.class,
                        "start with /"),
                Arguments.of("bad escape", "[{'op':'remove','path':'/a~2'}]", InvalidPatchException.class,
                        "~ not followed by 0 or 1"),
                Arguments.of("operation not an object", "[1]", InvalidPatchException.class, "operation 0"),
                Arguments.of("patch not an array", "{'op':'remove','path':'/a'}", InvalidPatchException.class,
                        "array of operations"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void rejectsWithTypedErrors(String name, String patch, Class<? extends Throwable> type, String message) {
        JsonNode target = json("{'a':{'b':1},'l':[1,2],'s':'x'}");

        assertThatThrownBy(() -> JsonPatch.apply(target, json(patch))).isInstanceOf(type).hasMessageContaining(message);
        assertThat(target).isEqualTo(json("{'a':{'b':1},'l':[1,2],'s':'x'}"));
    }

    @Test
    void failureNamesTheOperationIndex() {
        assertThatThrownBy(() -> JsonPatch.apply(json("{}"),
                json("[{'op':'add','path':'/a','value':1},{'op':'remove','path':'/b'}]")))
                .isInstanceOf(PatchApplyException.class)
                .hasMessageContaining("operation 1 (remove /b)");
    }

    static Stream<Arguments> createCases() {
        return Stream.of(
                Arguments.of("{'a':1}", "{'a':1}", "[]"),
                Arguments.of("{'a':1,'b':2}", "{'a':3,'c':4}",
                        "[{'op':'remove','path':'/b'},{'op':'replace','path':'/a','value':3},"
                                + "{'op':'add','path':'/c','value':4}]"),
                Arguments.of("{'x/y':{'~':1}}", "{'x/y':{'~':2}}", "[{'op':'replace','path':'/x~1y/~0','value':2}]"),
                Arguments.of("{'l':[1,2,3,4]}", "{'l':[2,3,4]}", "[{'op':'remove','path':'/l/0'}]"),
                Arguments.of("{'l':[1,2,3]}", "{'l':[1,2,9,3]}", "[{'op':'add','path':'/l/2','value':9}]"),
                Arguments.of("{'l':[1,2,3]}", "{'l':[1,5,3]}", "[{'op':'replace','path':'/l/1','value':5}]"),
                Arguments.of("{'l':[{'n':'a','v':1}]}", "{'l':[{'n':'a','v':2}]}",
                        "[{'op':'replace','path':'/l/0/v','value':2}]"),
                Arguments.of("{'l':[1,2]}", "{'l':[]}", "[{'op':'remove','path':'/l/0'},{'op':'remove','path':'/l/0'}]"),
                Arguments.of("{'a':1}", "[1]", "[{'op':'replace','path':'','value':[1]}]"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("createCases")
    void createsSmallOperationLists(String original, String modified, String expected) {
        ArrayNode patch = JsonPatch.create(json(original), json(modified));

        assertThat(patch).isEqualTo(json(expected));
        assertThat(JsonPatch.apply(json(original), patch)).isEqualTo(json(modified));
    }

    @Test
    void roundTripsGeneratedPairs() {
        Random random = new Random(6902);
        for (int i = 0; i < 80; i++) {
            ObjectNode a = TestJson.randomObject(random, 3);
            JsonNode b = TestJson.mutate(random, a, 3);
            ArrayNode patch = JsonPatch.create(a, b);
            assertThat(Trees.jsonEquals(JsonPatch.apply(a, patch), b))
                    .as("pair %d: %s -> %s via %s", i, a, b, patch).isTrue();
        }
    }

    @Test
    void worksOnModelObjects() {
        ConfigMap original = new ConfigMapBuilder().withNewMetadata().withName("cm").endMetadata()
                .addToData("example.com/key", "1").build();
        ConfigMap modified = new ConfigMapBuilder(original).addToData("example.com/key", "2").build();

        ArrayNode patch = JsonPatch.create(original, modified);

        assertThat(patch).isEqualTo(json("[{'op':'replace','path':'/data/example.com~1key','value':'2'}]"));
        assertThat(JsonPatch.apply(original, patch)).isEqualTo(modified);
    }

    @Test
    void refusesObjectsOfDifferentKinds() {
        assertThatThrownBy(() -> JsonPatch.create(json("{'kind':'Pod'}"), json("{'kind':'Service'}")))
                .isInstanceOf(IncompatibleObjectsException.class);
    }

    @Test
    void escapesPointerTokens() {
        assertThat(JsonPatch.escape("a/b~c")).isEqualTo("a~1b~0c");
    }
}
