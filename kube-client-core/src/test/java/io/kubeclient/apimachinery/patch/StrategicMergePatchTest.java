package io.kubeclient.apimachinery.patch;

import static io.kubeclient.apimachinery.patch.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class StrategicMergePatchTest {

    static final JsonNode DOCUMENT = TestJson.resource("/openapi/pod-deployment-v3.json");
    static final PatchMeta POD = OpenApiV3PatchMeta.forKind(DOCUMENT, "v1", "Pod");
    static final PatchMeta DEPLOYMENT = OpenApiV3PatchMeta.forKind(DOCUMENT, "apps/v1", "Deployment");

    static Stream<Arguments> createCases() {
        return Stream.of(
                Arguments.of("merges containers by name", POD,
                        "{'spec':{'containers':[{'name':'app','image':'a:1'},{'name':'side','image':'s:1'}]}}",
                        "{'spec':{'containers':[{'name':'app','image':'a:2'},{'name':'side','image':'s:1'}]}}",
                        "{'spec':{'containers':[{'name':'app','image':'a:2'}],"
                                + "'$setElementOrder/containers':[{'name':'app'},{'name':'side'}]}}"),
                Arguments.of("deletes a container with $patch delete", POD,
                        "{'spec':{'containers':[{'name':'app','image':'a:1'},{'name':'side','image':'s:1'}]}}",
                        "{'spec':{'containers':[{'name':'app','image':'a:1'}]}}",
                        "{'spec':{'containers':[{'name':'side','$patch':'delete'}],"
                                + "'$setElementOrder/containers':[{'name':'app'}]}}"),
                Arguments.of("adds a container in front", POD,
                        "{'spec':{'containers':[{'name':'app','image':'a:1'}]}}",
                        "{'spec':{'containers':[{'name':'init','image':'i'},{'name':'app','image':'a:1'}]}}",
                        "{'spec':{'containers':[{'name':'init','image':'i'}],"
                                + "'$setElementOrder/containers':[{'name':'init'},{'name':'app'}]}}"),
                Arguments.of("sends only the order when items are reordered", POD,
                        "{'spec':{'containers':[{'name':'a'},{'name':'b'}]}}",
                        "{'spec':{'containers':[{'name':'b'},{'name':'a'}]}}",
                        "{'spec':{'$setElementOrder/containers':[{'name':'b'},{'name':'a'}]}}"),
                Arguments.of("merges nested env by name", POD,
                        "{'spec':{'containers':[{'name':'app','env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]}]}}",
                        "{'spec':{'containers':[{'name':'app','env':[{'name':'A','value':'9'},{'name':'B','value':'2'}]}]}}",
                        "{'spec':{'containers':[{'name':'app','env':[{'name':'A','value':'9'}],"
                                + "'$setElementOrder/env':[{'name':'A'},{'name':'B'}]}],"
                                + "'$setElementOrder/containers':[{'name':'app'}]}}"),
                Arguments.of("merges ports by containerPort", POD,
                        "{'spec':{'containers':[{'name':'app','ports':[{'containerPort':80,'name':'http'}]}]}}",
                        "{'spec':{'containers':[{'name':'app','ports':[{'containerPort':80,'name':'web'},"
                                + "{'containerPort':443}]}]}}",
                        "{'spec':{'containers':[{'name':'app','ports':[{'containerPort':80,'name':'web'},"
                                + "{'containerPort':443}],'$setElementOrder/ports':[{'containerPort':80},"
                                + "{'containerPort':443}]}],'$setElementOrder/containers':[{'name':'app'}]}}"),
                Arguments.of("treats finalizers as a set", POD,
                        "{'metadata':{'finalizers':['a','b']}}",
                        "{'metadata':{'finalizers':['b','c']}}",
                        "{'metadata':{'finalizers':['c'],'$deleteFromPrimitiveList/finalizers':['a'],"
                                + "'$setElementOrder/finalizers':['b','c']}}"),
                Arguments.of("replaces atomic tolerations whole", POD,
                        "{'spec':{'tolerations':[{'key':'a'},{'key':'b'}]}}",
                        "{'spec':{'tolerations':[{'key':'a'}]}}",
                        "{'spec':{'tolerations':[{'key':'a'}]}}"),
                Arguments.of("replaces args of a container whole", POD,
                        "{'spec':{'containers':[{'name':'app','args':['x','y']}]}}",
                        "{'spec':{'containers':[{'name':'app','args':['y']}]}}",
                        "{'spec':{'containers':[{'name':'app','args':['y']}],"
                                + "'$setElementOrder/containers':[{'name':'app'}]}}"),
                Arguments.of("merges maps and deletes members with null", POD,
                        "{'metadata':{'labels':{'a':'1','b':'2'}}}",
                        "{'metadata':{'labels':{'a':'1','c':'3'}}}",
                        "{'metadata':{'labels':{'c':'3','b':null}}}"),
                Arguments.of("keeps retained keys of a strategy", DEPLOYMENT,
                        "{'spec':{'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1}}}}",
                        "{'spec':{'strategy':{'type':'Recreate'}}}",
                        "{'spec':{'strategy':{'type':'Recreate','rollingUpdate':null,'$retainKeys':['type']}}}"),
                Arguments.of("retains keys of a volume source", POD,
                        "{'spec':{'volumes':[{'name':'v','emptyDir':{}}]}}",
                        "{'spec':{'volumes':[{'name':'v','configMap':{'name':'c'}}]}}",
                        "{'spec':{'volumes':[{'name':'v','configMap':{'name':'c'},'emptyDir':null,"
                                + "'$retainKeys':['configMap','name']}],'$setElementOrder/volumes':[{'name':'v'}]}}"),
                Arguments.of("recurses through a deployment's pod template", DEPLOYMENT,
                        "{'spec':{'template':{'spec':{'containers':[{'name':'app','image':'1'}]}}}}",
                        "{'spec':{'template':{'spec':{'containers':[{'name':'app','image':'2'}]}}}}",
                        "{'spec':{'template':{'spec':{'containers':[{'name':'app','image':'2'}],"
                                + "'$setElementOrder/containers':[{'name':'app'}]}}}}"),
                Arguments.of("fields unknown to the schema: maps merge, lists replace", POD,
                        "{'extra':{'x':1,'l':[1,2]}}",
                        "{'extra':{'x':1,'l':[2]}}",
                        "{'extra':{'l':[2]}}"),
                Arguments.of("equal objects give an empty patch", POD,
                        "{'spec':{'containers':[{'name':'app'}]}}",
                        "{'spec':{'containers':[{'name':'app'}]}}",
                        "{}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("createCases")
    void createsUpstreamShapedPatches(String name, PatchMeta schema, String original, String modified,
            String expected) {
        ObjectNode patch = StrategicMergePatch.create(json(original), json(modified), schema);

        assertThat(patch).isEqualTo(json(expected));
        assertThat(StrategicMergePatch.apply(json(original), patch, schema)).isEqualTo(json(modified));
    }

    static Stream<Arguments> applyCases() {
        return Stream.of(
                Arguments.of("keeps server-only items in place",
                        "{'spec':{'containers':[{'name':'a'},{'name':'b','image':'1'},{'name':'c'}]}}",
                        "{'spec':{'containers':[{'name':'b','image':'2'}]}}",
                        "{'spec':{'containers':[{'name':'a'},{'name':'b','image':'2'},{'name':'c'}]}}"),
                Arguments.of("$setElementOrder orders patched items, server-only items stay near their neighbours",
                        "{'spec':{'containers':[{'name':'a'},{'name':'b'},{'name':'c'}]}}",
                        "{'spec':{'$setElementOrder/containers':[{'name':'c'},{'name':'a'}]}}",
                        "{'spec':{'containers':[{'name':'b'},{'name':'c'},{'name':'a'}]}}"),
                Arguments.of("$patch delete removes items by key",
                        "{'spec':{'containers':[{'name':'a'},{'name':'b'}]}}",
                        "{'spec':{'containers':[{'name':'a','$patch':'delete'}]}}",
                        "{'spec':{'containers':[{'name':'b'}]}}"),
                Arguments.of("$patch replace in a list replaces it",
                        "{'spec':{'containers':[{'name':'a'},{'name':'b'}]}}",
                        "{'spec':{'containers':[{'name':'z'},{'$patch':'replace'}]}}",
                        "{'spec':{'containers':[{'name':'z'}]}}"),
                Arguments.of("$patch replace on a map replaces it",
                        "{'spec':{'nodeSelector':{'a':'1','b':'2'}}}",
                        "{'spec':{'nodeSelector':{'c':'3','$patch':'replace'}}}",
                        "{'spec':{'nodeSelector':{'c':'3'}}}"),
                Arguments.of("$patch delete on a map empties it",
                        "{'spec':{'nodeSelector':{'a':'1'}}}",
                        "{'spec':{'nodeSelector':{'$patch':'delete'}}}",
                        "{'spec':{'nodeSelector':{}}}"),
                Arguments.of("$retainKeys clears fields not listed",
                        "{'spec':{'volumes':[{'name':'v','emptyDir':{},'secret':{'secretName':'s'}}]}}",
                        "{'spec':{'volumes':[{'name':'v','configMap':{'name':'c'},'$retainKeys':['configMap','name']}]}}",
                        "{'spec':{'volumes':[{'name':'v','configMap':{'name':'c'}}]}}"),
                Arguments.of("set-like lists merge without duplicates",
                        "{'metadata':{'finalizers':['a','b']}}",
                        "{'metadata':{'finalizers':['b','c']}}",
                        "{'metadata':{'finalizers':['a','b','c']}}"),
                Arguments.of("$deleteFromPrimitiveList removes values",
                        "{'metadata':{'finalizers':['a','b','c']}}",
                        "{'metadata':{'$deleteFromPrimitiveList/finalizers':['b','x']}}",
                        "{'metadata':{'finalizers':['a','c']}}"),
                Arguments.of("new fields are stored without directives or nulls",
                        "{'spec':{}}",
                        "{'spec':{'containers':[{'name':'a','image':null},{'name':'b','$patch':'delete'}],"
                                + "'$setElementOrder/containers':[{'name':'a'}]}}",
                        "{'spec':{'containers':[{'name':'a'}]}}"),
                Arguments.of("merges a status condition by type",
                        "{'status':{'conditions':[{'type':'Ready','status':'False'},{'type':'Init','status':'True'}]}}",
                        "{'status':{'conditions':[{'type':'Ready','status':'True'}]}}",
                        "{'status':{'conditions':[{'type':'Ready','status':'True'},{'type':'Init','status':'True'}]}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applyCases")
    void appliesDirectives(String name, String original, String patch, String expected) {
        JsonNode target = json(original);

        assertThat(StrategicMergePatch.apply(target, json(patch), POD)).isEqualTo(json(expected));
        assertThat(target).isEqualTo(json(original));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("item without merge key", "{'spec':{'containers':[{'image':'x'}]}}", "merge key \"name\""),
                Arguments.of("unknown $patch value", "{'spec':{'$patch':'frob'}}", "frob"),
                Arguments.of("field missing from $retainKeys",
                        "{'spec':{'volumes':[{'name':'v','secret':{},'$retainKeys':['name']}]}}", "\"secret\""),
                Arguments.of("$setElementOrder not a list", "{'spec':{'$setElementOrder/containers':'x'}}",
                        "must name a field and hold a list"),
                Arguments.of("$patch merge in a list", "{'spec':{'containers':[{'name':'a','$patch':'merge'}]}}",
                        "merge"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejectsMalformedPatches(String name, String patch, String message) {
        JsonNode target = json("{'spec':{'containers':[{'name':'a'}],'volumes':[{'name':'v'}]}}");

        assertThatThrownBy(() -> StrategicMergePatch.apply(target, json(patch), POD))
                .isInstanceOf(InvalidPatchException.class).hasMessageContaining(message);
    }

    @Test
    void refusesWithoutSchema() {
        JsonNode a = json("{'apiVersion':'example.com/v1','kind':'Widget','spec':{'x':1}}");
        JsonNode b = json("{'apiVersion':'example.com/v1','kind':'Widget','spec':{'x':2}}");

        assertThatThrownBy(() -> StrategicMergePatch.create(a, b, null))
                .isInstanceOf(MissingPatchSchemaException.class)
                .hasMessageContaining("Widget").hasMessageContaining("example.com/v1");
        assertThatThrownBy(() -> StrategicMergePatch.apply(a, json("{}"), null))
                .isInstanceOf(MissingPatchSchemaException.class);
        assertThatThrownBy(() -> OpenApiV3PatchMeta.forKind(DOCUMENT, "example.com/v1", "Widget"))
                .isInstanceOf(MissingPatchSchemaException.class);
    }

    @Test
    void refusesObjectsOfDifferentKinds() {
        assertThatThrownBy(() -> StrategicMergePatch.create(json("{'kind':'Pod','apiVersion':'v1'}"),
                json("{'kind':'Deployment','apiVersion':'v1'}"), POD))
                .isInstanceOf(IncompatibleObjectsException.class);
    }

    @Test
    void refusesMergeListWithoutMergeKeyInSchema() {
        PatchMeta broken = new PatchMeta() {
            @Override
            public PatchMeta field(String name) {
                return name.equals("items") ? PatchMeta.none() : this;
            }

            @Override
            public List<String> patchStrategies() {
                return List.of("merge");
            }

            @Override
            public java.util.Optional<String> patchMergeKey() {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<String> listType() {
                return java.util.Optional.empty();
            }

            @Override
            public List<String> listMapKeys() {
                return List.of();
            }
        };
        assertThatThrownBy(() -> StrategicMergePatch.create(json("{'l':[{'a':1}]}"), json("{'l':[{'a':2}]}"),
                broken)).isInstanceOf(InvalidPatchException.class).hasMessageContaining("no merge key");
    }

    @Test
    void worksOnTypedPods() {
        Pod original = new PodBuilder().withNewMetadata().withName("p").addToFinalizers("x").endMetadata()
                .withNewSpec()
                .addToContainers(new ContainerBuilder().withName("app").withImage("app:1").build())
                .addToContainers(new ContainerBuilder().withName("side").withImage("side:1").build())
                .endSpec().build();
        Pod modified = new PodBuilder(original).editSpec().removeFromContainers(original.getSpec().getContainers()
                .get(1)).editFirstContainer().withImage("app:2").endContainer().endSpec().build();

        ObjectNode patch = StrategicMergePatch.create(original, modified, POD);

        assertThat(patch).isEqualTo(json("{'spec':{'containers':[{'name':'app','image':'app:2'},"
                + "{'name':'side','$patch':'delete'}],'$setElementOrder/containers':[{'name':'app'}]}}"));
        assertThat(StrategicMergePatch.apply(original, patch, POD)).isEqualTo(modified);
    }

    @Test
    void roundTripsGeneratedPods() {
        Random random = new Random(1062);
        for (int i = 0; i < 60; i++) {
            ObjectNode a = randomPod(random);
            ObjectNode b = randomPod(random);
            ObjectNode patch = StrategicMergePatch.create(a, b, POD);
            assertThat(StrategicMergePatch.apply(a, patch, POD)).as("pair %d: %s -> %s via %s", i, a, b, patch)
                    .isEqualTo(b);
        }
    }

    private static ObjectNode randomPod(Random random) {
        ObjectNode pod = (ObjectNode) json("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'}}");
        ObjectNode metadata = (ObjectNode) pod.get("metadata");
        if (random.nextBoolean()) {
            ArrayNode finalizers = metadata.putArray("finalizers");
            subset(random, List.of("f1", "f2", "f3", "f4")).forEach(finalizers::add);
        }
        if (random.nextBoolean()) {
            ObjectNode labels = metadata.putObject("labels");
            subset(random, List.of("a", "b", "c")).forEach(k -> labels.put(k, "v" + random.nextInt(2)));
        }
        ObjectNode spec = pod.putObject("spec");
        ArrayNode containers = spec.putArray("containers");
        for (String name : subset(random, List.of("app", "side", "proxy", "log"))) {
            ObjectNode c = containers.addObject().put("name", name);
            if (random.nextBoolean()) {
                c.put("image", name + ":" + random.nextInt(3));
            }
            if (random.nextBoolean()) {
                ArrayNode env = c.putArray("env");
                for (String e : subset(random, List.of("A", "B", "C"))) {
                    ObjectNode var = env.addObject().put("name", e);
                    if (random.nextBoolean()) {
                        var.put("value", "" + random.nextInt(3));
                    }
                }
            }
            if (random.nextBoolean()) {
                ArrayNode ports = c.putArray("ports");
                for (String p : subset(random, List.of("80", "443", "8080"))) {
                    ports.addObject().put("containerPort", Integer.parseInt(p)).put("protocol", "TCP");
                }
            }
        }
        if (random.nextBoolean()) {
            ArrayNode tolerations = spec.putArray("tolerations");
            subset(random, List.of("t1", "t2")).forEach(t -> tolerations.addObject().put("key", t));
        }
        if (random.nextBoolean()) {
            ArrayNode volumes = spec.putArray("volumes");
            for (String v : subset(random, List.of("data", "config"))) {
                ObjectNode volume = volumes.addObject().put("name", v);
                if (random.nextBoolean()) {
                    volume.putObject("emptyDir");
                } else {
                    volume.putObject("configMap").put("name", "cm" + random.nextInt(2));
                }
            }
        }
        return pod;
    }

    private static List<String> subset(Random random, List<String> from) {
        List<String> out = new ArrayList<>();
        for (String s : from) {
            if (random.nextInt(3) > 0) {
                out.add(s);
            }
        }
        Collections.shuffle(out, random);
        return out;
    }
}
