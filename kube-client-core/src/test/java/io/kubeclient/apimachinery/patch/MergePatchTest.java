package io.kubeclient.apimachinery.patch;

import static io.kubeclient.apimachinery.patch.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class MergePatchTest {

    static Stream<Arguments> createCases() {
        return Stream.of(
                Arguments.of("equal objects", "{'a':1,'b':{'c':2}}", "{'a':1,'b':{'c':2}}", "{}"),
                Arguments.of("changed scalar", "{'a':1,'b':2}", "{'a':3,'b':2}", "{'a':3}"),
                Arguments.of("added member", "{'a':1}", "{'a':1,'b':{'c':[1]}}", "{'b':{'c':[1]}}"),
                Arguments.of("deleted member", "{'a':1,'b':2}", "{'a':1}", "{'b':null}"),
                Arguments.of("nested deletion", "{'m':{'x':1,'y':{'z':1,'w':2}}}", "{'m':{'x':1,'y':{'z':1}}}",
                        "{'m':{'y':{'w':null}}}"),
                Arguments.of("null in modified deletes", "{'a':1,'b':2}", "{'a':1,'b':null}", "{'b':null}"),
                Arguments.of("array replaced whole", "{'l':[1,2,3]}", "{'l':[1,3]}", "{'l':[1,3]}"),
                Arguments.of("object becomes scalar", "{'o':{'x':1}}", "{'o':'flat'}", "{'o':'flat'}"),
                Arguments.of("numbers compare by value", "{'n':1}", "{'n':1.0}", "{}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("createCases")
    void createsMinimalPatchAndAppliesBack(String name, String original, String modified, String expected) {
        JsonNode patch = MergePatch.create(json(original), json(modified));

        assertThat(patch).isEqualTo(json(expected));
        // a merge patch cannot set null: the member is removed instead
        JsonNode expectedResult = json(modified.replace(",'b':null", ""));
        assertThat(Trees.jsonEquals(MergePatch.apply(json(original), patch), expectedResult)).isTrue();
    }

    static Stream<Arguments> applyCases() {
        // the examples of RFC 7386 appendix A
        return Stream.of(
                Arguments.of("{'a':'b'}", "{'a':'c'}", "{'a':'c'}"),
                Arguments.of("{'a':'b'}", "{'b':'c'}", "{'a':'b','b':'c'}"),
                Arguments.of("{'a':'b'}", "{'a':null}", "{}"),
                Arguments.of("{'a':'b','b':'c'}", "{'a':null}", "{'b':'c'}"),
                Arguments.of("{'a':['b']}", "{'a':'c'}", "{'a':'c'}"),
                Arguments.of("{'a':'c'}", "{'a':['b']}", "{'a':['b']}"),
                Arguments.of("{'a':{'b':'c'}}", "{'a':{'b':'d','c':null}}", "{'a':{'b':'d'}}"),
                Arguments.of("{'a':[{'b':'c'}]}", "{'a':[1]}", "{'a':[1]}"),
                Arguments.of("['a','b']", "['c','d']", "['c','d']"),
                Arguments.of("{'a':'b'}", "['c']", "['c']"),
                Arguments.of("{'a':'foo'}", "null", "null"),
                Arguments.of("{'a':'foo'}", "'bar'", "'bar'"),
                Arguments.of("{'e':null}", "{'a':1}", "{'e':null,'a':1}"),
                Arguments.of("[1,2]", "{'a':'b','c':null}", "{'a':'b'}"),
                Arguments.of("{}", "{'a':{'bb':{'ccc':null}}}", "{'a':{'bb':{}}}"));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("applyCases")
    void appliesLikeRfc7386(String target, String patch, String expected) {
        JsonNode original = json(target);

        assertThat(MergePatch.apply(original, json(patch))).isEqualTo(json(expected));
        assertThat(original).isEqualTo(json(target));
    }

    @Test
    void roundTripsGeneratedPairs() {
        Random random = new Random(7386);
        for (int i = 0; i < 60; i++) {
            ObjectNode a = TestJson.randomObject(random, 3);
            JsonNode b = TestJson.mutate(random, a, 3);
            JsonNode patch = MergePatch.create(a, b);
            assertThat(Trees.jsonEquals(MergePatch.apply(a, patch), b))
                    .as("pair %d: %s -> %s via %s", i, a, b, patch).isTrue();
        }
    }

    @Test
    void worksOnModelObjectsAndReturnsTheirType() {
        ConfigMap original = new ConfigMapBuilder().withNewMetadata().withName("cm").withResourceVersion("7")
                .endMetadata().addToData("a", "1").addToData("b", "2").build();
        ConfigMap modified = new ConfigMapBuilder(original).removeFromData("b").addToData("c", "3").build();

        JsonNode patch = MergePatch.create(original, modified);

        assertThat(patch).isEqualTo(json("{'data':{'b':null,'c':'3'}}"));
        assertThat(MergePatch.apply(original, patch)).isEqualTo(modified);
    }

    @Test
    void optimisticLockAddsTheOriginalResourceVersion() {
        JsonNode original = json("{'metadata':{'name':'x','resourceVersion':'42'},'data':{'a':'1'}}");
        JsonNode modified = json("{'metadata':{'name':'x','resourceVersion':'42'},'data':{'a':'2'}}");

        assertThat(MergePatch.createWithOptimisticLock(original, modified))
                .isEqualTo(json("{'data':{'a':'2'},'metadata':{'resourceVersion':'42'}}"));
        assertThat(MergePatch.createWithOptimisticLock(original, original))
                .isEqualTo(json("{'metadata':{'resourceVersion':'42'}}"));
    }

    @Test
    void optimisticLockKeepsOtherMetadataChanges() {
        JsonNode original = json("{'metadata':{'name':'x','resourceVersion':'42'}}");
        JsonNode modified = json("{'metadata':{'name':'x','resourceVersion':'42','labels':{'a':'b'}}}");

        assertThat(MergePatch.createWithOptimisticLock(original, modified))
                .isEqualTo(json("{'metadata':{'labels':{'a':'b'},'resourceVersion':'42'}}"));
    }

    @Test
    void optimisticLockNeedsAResourceVersion() {
        assertThatThrownBy(() -> MergePatch.createWithOptimisticLock(json("{'metadata':{'name':'x'}}"),
                json("{'metadata':{'name':'y'}}")))
                .isInstanceOf(InvalidPatchException.class)
                .hasMessageContaining("metadata.resourceVersion");
    }

    @Test
    void refusesObjectsOfDifferentKinds() {
        Pod pod = new PodBuilder().withNewMetadata().withName("x").endMetadata().build();
        ConfigMap cm = new ConfigMapBuilder().withNewMetadata().withName("x").endMetadata().build();

        assertThatThrownBy(() -> MergePatch.create(pod, cm))
                .isInstanceOf(IncompatibleObjectsException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kind");
        assertThatThrownBy(() -> MergePatch.create(json("{'apiVersion':'apps/v1','kind':'Deployment'}"),
                json("{'apiVersion':'apps/v1beta1','kind':'Deployment'}")))
                .isInstanceOf(IncompatibleObjectsException.class)
                .hasMessageContaining("apiVersion");
    }
}
