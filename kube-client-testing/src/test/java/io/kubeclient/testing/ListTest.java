package io.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ListTest {

    FakeApiServer server;
    Http http;

    @BeforeEach
    void start() {
        server = FakeApiServer.builder().historyLimit(50).start();
        http = new Http(server);
        http.post("/api/v1/namespaces", Http.json("{'metadata':{'name':'other'}}"));
        String[][] pods = {
            {"a", "web", "prod", "Running", "node-1"},
            {"b", "web", "dev", "Pending", ""},
            {"c", "db", "prod", "Running", "node-2"},
            {"d", "cache", "", "Succeeded", "node-1"},
        };
        for (String[] p : pods) {
            String labels = "'app':'" + p[1] + "'" + (p[2].isEmpty() ? "" : ",'env':'" + p[2] + "'");
            String spec = p[4].isEmpty() ? "" : ",'nodeName':'" + p[4] + "'";
            http.post("/api/v1/namespaces/default/pods", Http.json("{'metadata':{'name':'" + p[0] + "','labels':{"
                    + labels + "}},'spec':{'containers':[{'name':'c','image':'i'}]" + spec + "}}"));
            server.put(Http.json("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'" + p[0]
                    + "','namespace':'default','labels':{" + labels + "}},'spec':{'containers':[{'name':'c',"
                    + "'image':'i'}]" + spec + "},'status':{'phase':'" + p[3] + "'}}"));
        }
        http.post("/api/v1/namespaces/other/pods", Http.json("{'metadata':{'name':'z'},'spec':{'containers':[]}}"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<String> names(String query) {
        Http.Response r = http.get("/api/v1/namespaces/default/pods" + query);
        assertThat(r.code()).as(r.text()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.body().get("items").forEach(i -> out.add(i.at("/metadata/name").asString()));
        return out;
    }

    @Test
    void listHasKindResourceVersionAndItemsInKeyOrder() {
        Http.Response r = http.get("/api/v1/namespaces/default/pods");
        assertThat(r.body().get("kind").asString()).isEqualTo("PodList");
        assertThat(r.body().get("apiVersion").asString()).isEqualTo("v1");
        assertThat(r.body().at("/metadata/resourceVersion").asString())
                .isEqualTo(Long.toString(server.resourceVersion()));
        assertThat(names("")).containsExactly("a", "b", "c", "d");
        assertThat(http.get("/api/v1/pods").body().get("items")).hasSize(5);
    }

    @Test
    void labelSelectorsSupportTheFullGrammar() {
        assertThat(names("?labelSelector=app%3Dweb")).containsExactly("a", "b");
        assertThat(names("?labelSelector=app%3D%3Dweb,env%21%3Ddev")).containsExactly("a");
        assertThat(names("?labelSelector=app+in+(web,db)")).containsExactly("a", "b", "c");
        assertThat(names("?labelSelector=app+notin+(web,db)")).containsExactly("d");
        assertThat(names("?labelSelector=env")).containsExactly("a", "b", "c");
        assertThat(names("?labelSelector=!env")).containsExactly("d");
        assertThat(names("?labelSelector=env+in+(prod),app+notin+(db)")).containsExactly("a");
        Http.Response bad = http.get("/api/v1/namespaces/default/pods?labelSelector=app+in+web");
        assertThat(bad.code()).isEqualTo(400);
        assertThat(bad.reason()).isEqualTo("BadRequest");
    }

    @Test
    void fieldSelectorsOnNamePhaseAndNode() {
        assertThat(names("?fieldSelector=metadata.name%3Db")).containsExactly("b");
        assertThat(names("?fieldSelector=status.phase%3DRunning")).containsExactly("a", "c");
        assertThat(names("?fieldSelector=spec.nodeName%3Dnode-1,status.phase%21%3DSucceeded"))
                .containsExactly("a");
        assertThat(names("?fieldSelector=spec.nodeName%3D")).containsExactly("b");
        assertThat(names("?fieldSelector=metadata.namespace%3Ddefault")).hasSize(4);
        Http.Response bad = http.get("/api/v1/namespaces/default/pods?fieldSelector=spec.foo%3Dx");
        assertThat(bad.code()).isEqualTo(400);
        assertThat(bad.message()).isEqualTo("field label not supported: spec.foo");
    }

    @Test
    void pagingIsConsistentAcrossPages() {
        Http.Response first = http.get("/api/v1/namespaces/default/pods?limit=2");
        assertThat(first.body().get("items")).hasSize(2);
        String token = first.body().at("/metadata/continue").asString();
        assertThat(token).isNotEmpty();
        assertThat(first.body().at("/metadata/remainingItemCount").asInt()).isEqualTo(2);
        String listRv = first.body().at("/metadata/resourceVersion").asString();

        // Changes after the first page do not show up in later pages of the same list.
        http.delete("/api/v1/namespaces/default/pods/d");
        http.post("/api/v1/namespaces/default/pods", Http.json("{'metadata':{'name':'bb'},'spec':{'containers':[]}}"));

        Http.Response second = http.get("/api/v1/namespaces/default/pods?limit=2&continue=" + token);
        assertThat(second.body().at("/metadata/resourceVersion").asString()).isEqualTo(listRv);
        List<String> names = new ArrayList<>();
        second.body().get("items").forEach(i -> names.add(i.at("/metadata/name").asString()));
        assertThat(names).containsExactly("c", "d");
        assertThat(second.body().at("/metadata/continue").isMissingNode()).isTrue();
    }

    @Test
    void pagingWithSelectorOmitsRemainingCount() {
        Http.Response first = http.get("/api/v1/namespaces/default/pods?limit=1&labelSelector=env");
        assertThat(first.body().at("/metadata/continue").asString()).isNotEmpty();
        assertThat(first.body().at("/metadata/remainingItemCount").isMissingNode()).isTrue();
    }

    @Test
    void continueTokenOlderThanTheHistoryIsGone() {
        String token = http.get("/api/v1/namespaces/default/pods?limit=1").body().at("/metadata/continue").asString();
        for (int i = 0; i < 60; i++) {
            http.post("/api/v1/namespaces/default/configmaps", Http.json("{'metadata':{'name':'cm-" + i + "'}}"));
        }
        Http.Response r = http.get("/api/v1/namespaces/default/pods?limit=1&continue=" + token);
        assertThat(r.code()).isEqualTo(410);
        assertThat(r.reason()).isEqualTo("Expired");
        assertThat(r.message()).startsWith("The provided continue parameter is too old");
        assertThat(r.body().at("/metadata/continue").asString()).isNotEmpty();
    }

    @Test
    void garbageContinueTokenIsBadRequest() {
        assertThat(http.get("/api/v1/namespaces/default/pods?continue=nonsense").code()).isEqualTo(400);
    }

    @Test
    void exactResourceVersionListsThePast() {
        String rv = http.get("/api/v1/namespaces/default/pods").body().at("/metadata/resourceVersion").asString();
        http.delete("/api/v1/namespaces/default/pods/b");
        assertThat(names("?resourceVersion=" + rv + "&resourceVersionMatch=Exact")).containsExactly("a", "b", "c",
                "d");
        assertThat(names("?resourceVersion=" + rv + "&resourceVersionMatch=NotOlderThan")).containsExactly("a", "c",
                "d");
        assertThat(names("?resourceVersion=0")).containsExactly("a", "c", "d");
    }

    @Test
    void resourceVersionMatchRules() {
        Http.Response r = http.get("/api/v1/namespaces/default/pods?resourceVersionMatch=Exact");
        assertThat(r.code()).isEqualTo(422);
        assertThat(r.message()).contains("resourceVersionMatch is forbidden unless resourceVersion is provided");
        Http.Response tooNew = http.get("/api/v1/namespaces/default/pods?resourceVersion=999999"
                + "&resourceVersionMatch=NotOlderThan");
        assertThat(tooNew.code()).isEqualTo(504);
        assertThat(tooNew.body().at("/details/causes/0/reason").asString()).isEqualTo("ResourceVersionTooLarge");
        for (int i = 0; i < 60; i++) {
            http.post("/api/v1/namespaces/default/configmaps", Http.json("{'metadata':{'name':'x-" + i + "'}}"));
        }
        Http.Response old = http.get("/api/v1/namespaces/default/pods?resourceVersion=2&resourceVersionMatch=Exact");
        assertThat(old.code()).isEqualTo(410);
        assertThat(old.reason()).isEqualTo("Expired");
    }

    @Test
    void customResourcesAreServedOnceRegistered() {
        server.register(ResourceType.custom("example.com", "v1", "Widget", "widgets", true).withStatus());
        Http.Response created = http.post("/apis/example.com/v1/namespaces/default/widgets",
                Http.json("{'apiVersion':'example.com/v1','kind':'Widget','metadata':{'name':'w'},'spec':{'size':3}}"));
        assertThat(created.code()).isEqualTo(201);
        JsonNode list = http.get("/apis/example.com/v1/namespaces/default/widgets").body();
        assertThat(list.get("kind").asString()).isEqualTo("WidgetList");
        assertThat(list.at("/items/0/kind").asString()).isEqualTo("Widget");
        assertThat(http.get("/apis/example.com/v1/namespaces/default/gadgets").code()).isEqualTo(404);
    }

    @Test
    void creatingACrdServesItsResource() {
        Http.Response crd = http.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", Http.json(
                "{'metadata':{'name':'gadgets.example.org'},'spec':{'group':'example.org','scope':'Cluster',"
                        + "'names':{'plural':'gadgets','singular':'gadget','kind':'Gadget'},"
                        + "'versions':[{'name':'v1','served':true,'storage':true,'subresources':{'status':{}}}]}}"));
        assertThat(crd.code()).as(crd.text()).isEqualTo(201);
        assertThat(http.post("/apis/example.org/v1/gadgets", Http.json("{'metadata':{'name':'g'}}")).code())
                .isEqualTo(201);
        assertThat(http.get("/apis/example.org/v1").body().at("/resources/0/name").asString()).isEqualTo("gadgets");
        http.delete("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/gadgets.example.org");
        assertThat(http.get("/apis/example.org/v1/gadgets").code()).isEqualTo(404);
    }
}
