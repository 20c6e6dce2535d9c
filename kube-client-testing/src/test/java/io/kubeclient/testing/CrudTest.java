package io.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class CrudTest {

    static FakeApiServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = FakeApiServer.builder().start();
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static ObjectNode pod(String name) {
        return Http.json("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'" + name
                + "','labels':{'app':'web'}},'spec':{'containers':[{'name':'app','image':'nginx:1'}]}}");
    }

    @Test
    void createFillsServerFieldsAndAnswers201() {
        long before = server.resourceVersion();
        Http.Response r = http.post("/api/v1/namespaces/default/pods", pod("create-1"));
        assertThat(r.code()).isEqualTo(201);
        JsonNode meta = r.body().get("metadata");
        assertThat(meta.get("uid").asString()).hasSize(36);
        assertThat(meta.get("namespace").asString()).isEqualTo("default");
        assertThat(Long.parseLong(meta.get("resourceVersion").asString())).isGreaterThan(before);
        assertThat(meta.get("creationTimestamp").asString())
                .isEqualTo(Storage.timestamp(server.clock().instant()));
        assertThat(meta.get("generation").asInt()).isEqualTo(1);
        assertThat(r.body().at("/status/phase").asString()).isEqualTo("Pending");
        assertThat(http.get("/api/v1/namespaces/default/pods/create-1").body()).isEqualTo(r.body());
    }

    @Test
    void generateNameAppendsFiveCharacters() {
        ObjectNode p = pod("x");
        ((ObjectNode) p.get("metadata")).remove("name");
        ((ObjectNode) p.get("metadata")).put("generateName", "web-");
        Http.Response r = http.post("/api/v1/namespaces/default/pods", p);
        assertThat(r.code()).isEqualTo(201);
        assertThat(r.body().at("/metadata/name").asString()).matches("web-[bcdfghjklmnpqrstvwxz2456789]{5}");
    }

    @Test
    void missingNameIsInvalid() {
        ObjectNode p = pod("x");
        ((ObjectNode) p.get("metadata")).remove("name");
        Http.Response r = http.post("/api/v1/namespaces/default/pods", p);
        assertThat(r.code()).isEqualTo(422);
        assertThat(r.reason()).isEqualTo("Invalid");
        assertThat(r.body().at("/details/causes/0/field").asString()).isEqualTo("metadata.name");
        assertThat(r.body().at("/details/causes/0/reason").asString()).isEqualTo("FieldValueRequired");
    }

    @Test
    void invalidNameIsRejected() {
        Http.Response r = http.post("/api/v1/namespaces/default/pods", pod("Bad_Name"));
        assertThat(r.code()).isEqualTo(422);
        assertThat(r.message()).startsWith("Pod \"Bad_Name\" is invalid: metadata.name: Invalid value");
    }

    @Test
    void duplicateCreateIsAlreadyExists() {
        http.post("/api/v1/namespaces/default/pods", pod("dup"));
        Http.Response r = http.post("/api/v1/namespaces/default/pods", pod("dup"));
        assertThat(r.code()).isEqualTo(409);
        assertThat(r.body().get("kind").asString()).isEqualTo("Status");
        assertThat(r.body().get("status").asString()).isEqualTo("Failure");
        assertThat(r.reason()).isEqualTo("AlreadyExists");
        assertThat(r.message()).isEqualTo("pods \"dup\" already exists");
        assertThat(r.body().at("/details/name").asString()).isEqualTo("dup");
        assertThat(r.body().at("/details/kind").asString()).isEqualTo("pods");
    }

    @Test
    void createInMissingNamespaceIsNotFound() {
        Http.Response r = http.post("/api/v1/namespaces/nowhere/pods", pod("p"));
        assertThat(r.code()).isEqualTo(404);
        assertThat(r.message()).isEqualTo("namespaces \"nowhere\" not found");
    }

    @Test
    void namespacesAreRealObjects() {
        assertThat(http.get("/api/v1/namespaces/default").code()).isEqualTo(200);
        assertThat(http.get("/api/v1/namespaces/kube-system").body().at("/status/phase").asString())
                .isEqualTo("Active");
        Http.Response ns = http.post("/api/v1/namespaces", Http.json("{'metadata':{'name':'team-a',"
                + "'labels':{'team':'a'}}}"));
        assertThat(ns.code()).isEqualTo(201);
        assertThat(ns.body().at("/metadata/labels").toString())
                .isEqualTo("{\"team\":\"a\",\"kubernetes.io/metadata.name\":\"team-a\"}");
        assertThat(http.post("/api/v1/namespaces/team-a/pods", pod("p")).code()).isEqualTo(201);
    }

    @Test
    void getMissingIsNotFoundStatus() {
        Http.Response r = http.get("/apis/apps/v1/namespaces/default/deployments/nope");
        assertThat(r.code()).isEqualTo(404);
        assertThat(r.message()).isEqualTo("deployments.apps \"nope\" not found");
        assertThat(r.body().at("/details/group").asString()).isEqualTo("apps");
        assertThat(r.body().get("code").asInt()).isEqualTo(404);
    }

    @Test
    void updateWithStaleResourceVersionConflicts() {
        JsonNode created = http.post("/api/v1/namespaces/default/pods", pod("upd")).body();
        ObjectNode first = (ObjectNode) created.deepCopy();
        ((ObjectNode) first.get("metadata")).putObject("annotations").put("a", "1");
        assertThat(http.put("/api/v1/namespaces/default/pods/upd", first).code()).isEqualTo(200);
        ObjectNode stale = (ObjectNode) created.deepCopy();
        ((ObjectNode) stale.get("metadata")).putObject("annotations").put("a", "2");
        Http.Response r = http.put("/api/v1/namespaces/default/pods/upd", stale);
        assertThat(r.code()).isEqualTo(409);
        assertThat(r.reason()).isEqualTo("Conflict");
        assertThat(r.message()).isEqualTo("Operation cannot be fulfilled on pods \"upd\": the object has been "
                + "modified; please apply your changes to the latest version and try again");
    }

    @Test
    void generationBumpsOnlyOnSpecChanges() {
        ObjectNode d = Http.json("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'gen'},"
                + "'spec':{'replicas':1,'selector':{'matchLabels':{'a':'b'}},'template':{'metadata':{'labels':"
                + "{'a':'b'}},'spec':{'containers':[{'name':'c','image':'i'}]}}}}");
        JsonNode v1 = http.post("/apis/apps/v1/namespaces/default/deployments", d).body();
        ObjectNode labelled = (ObjectNode) v1.deepCopy();
        ((ObjectNode) labelled.get("metadata")).putObject("labels").put("x", "y");
        JsonNode v2 = http.put("/apis/apps/v1/namespaces/default/deployments/gen", labelled).body();
        assertThat(v2.at("/metadata/generation").asInt()).isEqualTo(1);
        ObjectNode scaled = (ObjectNode) v2.deepCopy();
        ((ObjectNode) scaled.get("spec")).put("replicas", 3);
        JsonNode v3 = http.put("/apis/apps/v1/namespaces/default/deployments/gen", scaled).body();
        assertThat(v3.at("/metadata/generation").asInt()).isEqualTo(2);
    }

    @Test
    void statusOnlyChangesThroughStatusSubresource() {
        JsonNode created = http.post("/api/v1/namespaces/default/pods", pod("st")).body();
        ObjectNode withStatus = (ObjectNode) created.deepCopy();
        ((ObjectNode) withStatus.get("status")).put("phase", "Running");
        JsonNode viaMain = http.put("/api/v1/namespaces/default/pods/st", withStatus).body();
        assertThat(viaMain.at("/status/phase").asString()).isEqualTo("Pending");
        assertThat(viaMain.at("/metadata/resourceVersion")).isEqualTo(created.at("/metadata/resourceVersion"));

        ObjectNode statusWrite = (ObjectNode) viaMain.deepCopy();
        ((ObjectNode) statusWrite.get("status")).put("phase", "Running");
        ((ObjectNode) statusWrite.get("spec")).put("nodeName", "ignored");
        JsonNode viaStatus = http.put("/api/v1/namespaces/default/pods/st/status", statusWrite).body();
        assertThat(viaStatus.at("/status/phase").asString()).isEqualTo("Running");
        assertThat(viaStatus.at("/spec/nodeName").isMissingNode()).isTrue();
        assertThat(http.get("/api/v1/namespaces/default/configmaps/x/status").code()).isEqualTo(404);
    }

    @Test
    void deleteWithFinalizersWaitsForThem() {
        ObjectNode cm = Http.json("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'fin',"
                + "'finalizers':['example.com/keep']},'data':{'k':'v'}}");
        http.post("/api/v1/namespaces/default/configmaps", cm);
        Http.Response del = http.delete("/api/v1/namespaces/default/configmaps/fin");
        assertThat(del.code()).isEqualTo(200);
        assertThat(del.body().at("/metadata/deletionTimestamp").asString()).isNotEmpty();
        JsonNode terminating = http.get("/api/v1/namespaces/default/configmaps/fin").body();
        assertThat(terminating.at("/metadata/deletionTimestamp").asString()).isNotEmpty();

        ObjectNode released = (ObjectNode) terminating.deepCopy();
        ((ObjectNode) released.get("metadata")).putArray("finalizers");
        assertThat(http.put("/api/v1/namespaces/default/configmaps/fin", released).code()).isEqualTo(200);
        assertThat(http.get("/api/v1/namespaces/default/configmaps/fin").code()).isEqualTo(404);
    }

    @Test
    void deletePreconditionsAreChecked() {
        http.post("/api/v1/namespaces/default/configmaps", Http.json("{'metadata':{'name':'pre'}}"));
        Http.Response r = http.delete("/api/v1/namespaces/default/configmaps/pre",
                "{'preconditions':{'uid':'not-the-uid'}}");
        assertThat(r.code()).isEqualTo(409);
        assertThat(r.message()).contains("Precondition failed: UID in precondition: not-the-uid");
        r = http.delete("/api/v1/namespaces/default/configmaps/pre", "{'preconditions':{'resourceVersion':'1'}}");
        assertThat(r.code()).isEqualTo(409);
        assertThat(http.delete("/api/v1/namespaces/default/configmaps/pre").code()).isEqualTo(200);
        assertThat(http.delete("/api/v1/namespaces/default/configmaps/pre").code()).isEqualTo(404);
    }

    @Test
    void scheduledPodsTerminateGracefullyUntilTheClockPasses() {
        ObjectNode p = pod("graceful");
        ((ObjectNode) p.get("spec")).put("nodeName", "node-1");
        http.post("/api/v1/namespaces/default/pods", p);
        Http.Response del = http.delete("/api/v1/namespaces/default/pods/graceful");
        assertThat(del.body().at("/metadata/deletionGracePeriodSeconds").asInt()).isEqualTo(30);
        assertThat(http.get("/api/v1/namespaces/default/pods/graceful").code()).isEqualTo(200);
        server.clock().advance(Duration.ofSeconds(31));
        assertThat(http.get("/api/v1/namespaces/default/pods/graceful").code()).isEqualTo(404);

        http.post("/api/v1/namespaces/default/pods", p);
        assertThat(http.delete("/api/v1/namespaces/default/pods/graceful?gracePeriodSeconds=0").code())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/namespaces/default/pods/graceful").code()).isEqualTo(404);
    }

    @Test
    void dryRunValidatesButStoresNothing() {
        long rv = server.resourceVersion();
        Http.Response r = http.post("/api/v1/namespaces/default/pods?dryRun=All", pod("dry"));
        assertThat(r.code()).isEqualTo(201);
        assertThat(r.body().at("/metadata/uid").asString()).isNotEmpty();
        assertThat(http.get("/api/v1/namespaces/default/pods/dry").code()).isEqualTo(404);
        assertThat(http.post("/api/v1/namespaces/nowhere/pods?dryRun=All", pod("dry")).code()).isEqualTo(404);

        JsonNode real = http.post("/api/v1/namespaces/default/pods", pod("dry")).body();
        ObjectNode changed = (ObjectNode) real.deepCopy();
        ((ObjectNode) changed.get("metadata")).putObject("labels").put("changed", "yes");
        assertThat(http.put("/api/v1/namespaces/default/pods/dry?dryRun=All", changed).body()
                .at("/metadata/labels/changed").asString()).isEqualTo("yes");
        assertThat(http.patch("/api/v1/namespaces/default/pods/dry?dryRun=All", "application/merge-patch+json",
                "{'metadata':{'labels':{'p':'1'}}}").code()).isEqualTo(200);
        assertThat(http.delete("/api/v1/namespaces/default/pods/dry?dryRun=All").code()).isEqualTo(200);
        JsonNode after = http.get("/api/v1/namespaces/default/pods/dry").body();
        assertThat(after).isEqualTo(real);
        assertThat(http.post("/api/v1/namespaces/default/pods?dryRun=Some", pod("dry2")).code()).isEqualTo(422);
        assertThat(server.resourceVersion()).isEqualTo(rv + 1);
    }

    @Test
    void dryRunInTheDeleteOptionsBodyDeletesNothing() {
        http.post("/api/v1/namespaces/default/configmaps", Http.json("{'metadata':{'name':'dry-body'}}"));
        long rv = server.resourceVersion();

        Http.Response r = http.delete("/api/v1/namespaces/default/configmaps/dry-body",
                Http.json("{'kind':'DeleteOptions','apiVersion':'v1','dryRun':['All']}"));
        Http.Response all = http.delete("/api/v1/namespaces/default/configmaps",
                Http.json("{'kind':'DeleteOptions','apiVersion':'v1','dryRun':['All']}"));

        assertThat(r.code()).isEqualTo(200);
        assertThat(all.code()).isEqualTo(200);
        assertThat(all.body().get("items")).isNotEmpty();
        assertThat(http.get("/api/v1/namespaces/default/configmaps/dry-body").code()).isEqualTo(200);
        assertThat(server.resourceVersion()).isEqualTo(rv);
        assertThat(http.delete("/api/v1/namespaces/default/configmaps/dry-body",
                Http.json("{'dryRun':['Some']}")).code()).isEqualTo(422);
    }

    @Test
    void deleteCollectionHonoursSelectors() {
        http.post("/api/v1/namespaces", Http.json("{'metadata':{'name':'dc'}}"));
        for (String n : new String[] {"a", "b", "c"}) {
            http.post("/api/v1/namespaces/dc/configmaps", Http.json("{'metadata':{'name':'" + n
                    + "','labels':{'tier':'" + (n.equals("c") ? "db" : "web") + "'}}}"));
        }
        Http.Response r = http.delete("/api/v1/namespaces/dc/configmaps?labelSelector=tier%3Dweb");
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.body().get("kind").asString()).isEqualTo("ConfigMapList");
        assertThat(r.body().get("items")).hasSize(2);
        assertThat(http.get("/api/v1/namespaces/dc/configmaps").body().get("items")).hasSize(1);
    }

    @Test
    void deletingANamespaceDeletesItsContents() {
        http.post("/api/v1/namespaces", Http.json("{'metadata':{'name':'doomed'}}"));
        http.post("/api/v1/namespaces/doomed/configmaps", Http.json("{'metadata':{'name':'x'}}"));
        assertThat(http.delete("/api/v1/namespaces/doomed").code()).isEqualTo(200);
        assertThat(http.get("/api/v1/namespaces/doomed/configmaps/x").code()).isEqualTo(404);
        assertThat(http.get("/api/v1/namespaces/doomed").code()).isEqualTo(404);
    }

    @Test
    void seedingAndInspectionUseTypedModels() {
        ConfigMap cm = server.put(new ConfigMapBuilder().withNewMetadata().withName("seeded").withNamespace("seeds")
                .endMetadata().addToData("k", "v").build());
        assertThat(cm.getMetadata().getResourceVersion()).isNotEmpty();
        assertThat(http.get("/api/v1/namespaces/seeds").code()).isEqualTo(200);
        assertThat(http.get("/api/v1/namespaces/seeds/configmaps/seeded").body().at("/data/k").asString())
                .isEqualTo("v");
        http.post("/api/v1/namespaces/default/pods", pod("inspected"));
        Pod p = server.get(Pod.class, "default", "inspected");
        assertThat(p.getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1");
        assertThat(server.get(Pod.class, "default", "absent")).isNull();
        assertThat(server.list(ConfigMap.class, "seeds")).extracting(c -> c.getMetadata().getName())
                .containsExactly("seeded");
    }

    @Test
    void kindMismatchIsBadRequest() {
        Http.Response r = http.post("/api/v1/namespaces/default/configmaps", pod("kind"));
        assertThat(r.code()).isEqualTo(400);
        assertThat(r.reason()).isEqualTo("BadRequest");
    }
}
