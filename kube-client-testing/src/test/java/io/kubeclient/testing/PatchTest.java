package io.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PatchTest {

    static final String APPLY = "application/apply-patch+yaml";
    static final String SMP = "application/strategic-merge-patch+json";
    static final String DEPLOY = "/apis/apps/v1/namespaces/default/deployments/web";

    FakeApiServer server;
    Http http;

    @BeforeEach
    void start() {
        server = FakeApiServer.builder().start();
        http = new Http(server);
        http.post("/api/v1/namespaces/default/pods", Http.json("{'metadata':{'name':'p','labels':{'a':'1','b':'2'}},"
                + "'spec':{'containers':[{'name':'app','image':'app:1','env':[{'name':'X','value':'1'},"
                + "{'name':'Y','value':'2'}],'ports':[{'containerPort':80}]},{'name':'side','image':'side:1'}],"
                + "'tolerations':[{'key':'k1','operator':'Exists'}]}}"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static List<String> names(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.path(field).asString()));
        return out;
    }

    @Test
    void jsonPatchAppliesOperationsAndTests() {
        Http.Response r = http.patch("/api/v1/namespaces/default/pods/p", "application/json-patch+json",
                "[{'op':'test','path':'/metadata/labels/a','value':'1'},"
                        + "{'op':'replace','path':'/spec/containers/0/image','value':'app:2'},"
                        + "{'op':'add','path':'/metadata/labels/c','value':'3'},"
                        + "{'op':'remove','path':'/metadata/labels/b'}]");
        assertThat(r.code()).as(r.text()).isEqualTo(200);
        assertThat(r.body().at("/spec/containers/0/image").asString()).isEqualTo("app:2");
        assertThat(r.body().at("/metadata/labels").toString()).isEqualTo("{\"a\":\"1\",\"c\":\"3\"}");
        Http.Response failed = http.patch("/api/v1/namespaces/default/pods/p", "application/json-patch+json",
                "[{'op':'test','path':'/metadata/labels/a','value':'nope'}]");
        assertThat(failed.code()).isEqualTo(422);
    }

    @Test
    void mergePatchReplacesListsAndDeletesWithNull() {
        Http.Response r = http.patch("/api/v1/namespaces/default/pods/p", "application/merge-patch+json",
                "{'metadata':{'labels':{'a':null,'z':'9'}},'spec':{'tolerations':[{'key':'k2','operator':'Exists'}]}}");
        assertThat(r.body().at("/metadata/labels").toString()).isEqualTo("{\"b\":\"2\",\"z\":\"9\"}");
        assertThat(names(r.body().at("/spec/tolerations"), "key")).containsExactly("k2");
    }

    @Test
    void mergePatchWithStaleResourceVersionConflicts() {
        Http.Response r = http.patch("/api/v1/namespaces/default/pods/p", "application/merge-patch+json",
                "{'metadata':{'resourceVersion':'1','labels':{'x':'y'}}}");
        assertThat(r.code()).isEqualTo(409);
        assertThat(r.reason()).isEqualTo("Conflict");
    }

    @Test
    void strategicMergePatchMergesContainersAndEnvByName() {
        Http.Response r = http.patch("/api/v1/namespaces/default/pods/p", SMP,
                "{'spec':{'containers':[{'name':'app','image':'app:2','env':[{'name':'Y','value':'20'},"
                        + "{'name':'Z','value':'3'}]},{'name':'side','$patch':'delete'},{'name':'new','image':'n:1'}]}}");
        assertThat(r.code()).as(r.text()).isEqualTo(200);
        JsonNode containers = r.body().at("/spec/containers");
        assertThat(names(containers, "name")).containsExactly("app", "new");
        assertThat(containers.at("/0/image").asString()).isEqualTo("app:2");
        assertThat(containers.at("/0/ports/0/containerPort").asInt()).isEqualTo(80);
        assertThat(names(containers.at("/0/env"), "name")).containsExactly("X", "Y", "Z");
        assertThat(containers.at("/0/env/1/value").asString()).isEqualTo("20");
    }

    @Test
    void strategicMergePatchReplacesListsWithoutMergeKeyAndHonoursDirectives() {
        Http.Response r = http.patch("/api/v1/namespaces/default/pods/p", SMP,
                "{'metadata':{'finalizers':['a/b']},'spec':{'tolerations':[{'key':'k9','operator':'Exists'}],"
                        + "'$setElementOrder/containers':[{'name':'side'},{'name':'app'}],"
                        + "'containers':[{'name':'side','image':'side:2'}]}}");
        assertThat(names(r.body().at("/spec/tolerations"), "key")).containsExactly("k9");
        assertThat(names(r.body().at("/spec/containers"), "name")).containsExactly("side", "app");
        Http.Response second = http.patch("/api/v1/namespaces/default/pods/p", SMP,
                "{'metadata':{'finalizers':['c/d'],'labels':{'$patch':'replace','only':'me'}}}");
        assertThat(second.body().at("/metadata/finalizers").toString()).isEqualTo("[\"a/b\",\"c/d\"]");
        assertThat(second.body().at("/metadata/labels").toString()).isEqualTo("{\"only\":\"me\"}");
        Http.Response third = http.patch("/api/v1/namespaces/default/pods/p", SMP,
                "{'$deleteFromPrimitiveList/finalizers':['a/b']}".replace("{'$delete", "{'metadata':{'$delete") + "}");
        assertThat(third.body().at("/metadata/finalizers").toString()).isEqualTo("[\"c/d\"]");
    }

    @Test
    void strategicMergePatchIsUnsupportedForCustomResources() {
        server.register(ResourceType.custom("example.com", "v1", "Widget", "widgets", true));
        http.post("/apis/example.com/v1/namespaces/default/widgets", Http.json("{'metadata':{'name':'w'}}"));
        Http.Response r = http.patch("/apis/example.com/v1/namespaces/default/widgets/w", SMP, "{'spec':{}}");
        assertThat(r.code()).isEqualTo(415);
        assertThat(r.reason()).isEqualTo("UnsupportedMediaType");
    }

    private Http.Response apply(String manager, String body, boolean force) {
        return http.patch(DEPLOY + "?fieldManager=" + manager + (force ? "&force=true" : ""), APPLY,
                "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},'spec':" + body + "}");
    }

    private static final String SPEC = "{'replicas':%d,'selector':{'matchLabels':{'app':'web'}},'template':"
            + "{'metadata':{'labels':{'app':'web'}},'spec':{'containers':[{'name':'app','image':'%s'}]}}}";

    @Test
    void applyCreatesTheObjectAndRecordsManagedFields() {
        Http.Response r = apply("alice", String.format(SPEC, 2, "app:1"), false);
        assertThat(r.code()).as(r.text()).isEqualTo(201);
        JsonNode mf = r.body().at("/metadata/managedFields/0");
        assertThat(mf.get("manager").asString()).isEqualTo("alice");
        assertThat(mf.get("operation").asString()).isEqualTo("Apply");
        assertThat(mf.get("fieldsType").asString()).isEqualTo("FieldsV1");
        assertThat(mf.at("/fieldsV1/f:spec/f:replicas").isObject()).isTrue();
        assertThat(mf.at("/fieldsV1/f:spec/f:template/f:spec/f:containers/k:{\"name\":\"app\"}/f:image").isObject())
                .isTrue();
        Http.Response again = apply("alice", String.format(SPEC, 3, "app:1"), false);
        assertThat(again.code()).isEqualTo(200);
        assertThat(again.body().at("/spec/replicas").asInt()).isEqualTo(3);
    }

    @Test
    void applyConflictsWithAnotherManagerUnlessForced() {
        apply("alice", String.format(SPEC, 2, "app:1"), false);
        Http.Response r = apply("bob", String.format(SPEC, 5, "app:1"), false);
        assertThat(r.code()).isEqualTo(409);
        assertThat(r.reason()).isEqualTo("Conflict");
        assertThat(r.message()).isEqualTo("Apply failed with 1 conflict: conflict with \"alice\": .spec.replicas");
        assertThat(r.body().at("/details/causes/0/reason").asString()).isEqualTo("FieldManagerConflict");
        assertThat(r.body().at("/details/causes/0/field").asString()).isEqualTo(".spec.replicas");

        // Same values are shared, not conflicts.
        assertThat(apply("bob", String.format(SPEC, 2, "app:1"), false).code()).isEqualTo(200);

        Http.Response forced = apply("bob", String.format(SPEC, 5, "app:1"), true);
        assertThat(forced.code()).isEqualTo(200);
        assertThat(forced.body().at("/spec/replicas").asInt()).isEqualTo(5);
        assertThat(apply("alice", String.format(SPEC, 2, "app:1"), false).code()).isEqualTo(409);
    }

    @Test
    void applyConflictsWithFieldsSetByUpdate() {
        apply("alice", String.format(SPEC, 2, "app:1"), false);
        http.patch(DEPLOY + "?fieldManager=kubectl-scale", "application/merge-patch+json", "{'spec':{'replicas':4}}");
        Http.Response r = apply("alice", String.format(SPEC, 2, "app:1"), false);
        assertThat(r.code()).isEqualTo(409);
        assertThat(r.message()).contains("conflict with \"kubectl-scale\" using apps/v1: .spec.replicas");
    }

    @Test
    void applyRemovesFieldsTheManagerStopsApplying() {
        http.patch(DEPLOY + "?fieldManager=alice", APPLY, "{'apiVersion':'apps/v1','kind':'Deployment',"
                + "'metadata':{'name':'web','labels':{'keep':'1','drop':'1'}},'spec':" + String.format(SPEC, 1, "a")
                + "}");
        http.patch(DEPLOY + "?fieldManager=bob", APPLY, "{'apiVersion':'apps/v1','kind':'Deployment',"
                + "'metadata':{'name':'web','labels':{'bobs':'1'}}}");
        Http.Response r = http.patch(DEPLOY + "?fieldManager=alice", APPLY, "{'apiVersion':'apps/v1',"
                + "'kind':'Deployment','metadata':{'name':'web','labels':{'keep':'1'}},'spec':"
                + String.format(SPEC, 1, "a") + "}");
        assertThat(r.body().at("/metadata/labels").toString()).isEqualTo("{\"keep\":\"1\",\"bobs\":\"1\"}");
    }

    @Test
    void applyRequiresFieldManager() {
        Http.Response r = http.patch(DEPLOY, APPLY, "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'}}");
        assertThat(r.code()).isEqualTo(422);
        assertThat(r.message()).contains("fieldManager: Required value");
    }

    @Test
    void applyAcceptsYaml() {
        Http.Response r = http.patch("/api/v1/namespaces/default/configmaps/y?fieldManager=yaml", APPLY,
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: y\ndata:\n  key: value\n");
        assertThat(r.code()).as(r.text()).isEqualTo(201);
        assertThat(r.body().at("/data/key").asString()).isEqualTo("value");
    }

    @Test
    void forceIsOnlyForApply() {
        Http.Response r = http.patch("/api/v1/namespaces/default/pods/p?force=true", "application/merge-patch+json",
                "{}");
        assertThat(r.code()).isEqualTo(422);
    }

    @Test
    void scaleSubresourceReadsAndWritesReplicas() {
        apply("alice", String.format(SPEC, 2, "app:1"), false);
        Http.Response scale = http.get(DEPLOY + "/scale");
        assertThat(scale.body().get("kind").asString()).isEqualTo("Scale");
        assertThat(scale.body().at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(scale.body().at("/status/selector").asString()).isEqualTo("app=web");
        Http.Response put = http.put(DEPLOY + "/scale", "{'apiVersion':'autoscaling/v1','kind':'Scale',"
                + "'metadata':{'name':'web'},'spec':{'replicas':7}}");
        assertThat(put.code()).as(put.text()).isEqualTo(200);
        assertThat(http.get(DEPLOY).body().at("/spec/replicas").asInt()).isEqualTo(7);
        Http.Response patched = http.patch(DEPLOY + "/scale", "application/merge-patch+json",
                "{'spec':{'replicas':1}}");
        assertThat(patched.body().at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(http.get("/api/v1/namespaces/default/pods/p/scale").code()).isEqualTo(404);
    }

    @Test
    void unknownPatchTypeIsUnsupported() {
        assertThat(http.patch("/api/v1/namespaces/default/pods/p", "text/plain", "x").code()).isEqualTo(415);
    }
}
