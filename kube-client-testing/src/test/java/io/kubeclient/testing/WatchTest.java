package io.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WatchTest {

    FakeApiServer server;
    Http http;

    @BeforeEach
    void start() {
        server = FakeApiServer.builder().historyLimit(100).bookmarkInterval(Duration.ofMillis(100)).start();
        http = new Http(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String cm(String name, String labels) {
        return "{'metadata':{'name':'" + name + "','labels':{" + labels + "}},'data':{'k':'v'}}";
    }

    private String rvOf(Http.Response r) {
        return r.body().at("/metadata/resourceVersion").asString();
    }

    @Test
    void watchFromResourceVersionReplaysLaterEventsThenFollows() {
        Http.Response a = http.post("/api/v1/namespaces/default/configmaps", cm("a", ""));
        http.post("/api/v1/namespaces/default/configmaps", cm("b", ""));
        try (Http.Stream w = http.watch("/api/v1/namespaces/default/configmaps?watch=true&resourceVersion="
                + rvOf(a))) {
            assertThat(w.code).isEqualTo(200);
            JsonNode e = w.next();
            assertThat(e.get("type").asString()).isEqualTo("ADDED");
            assertThat(e.at("/object/metadata/name").asString()).isEqualTo("b");
            assertThat(e.at("/object/kind").asString()).isEqualTo("ConfigMap");
            http.patch("/api/v1/namespaces/default/configmaps/a", "application/merge-patch+json", "{'data':{'k':'w'}}");
            JsonNode m = w.next();
            assertThat(m.get("type").asString()).isEqualTo("MODIFIED");
            assertThat(m.at("/object/data/k").asString()).isEqualTo("w");
            http.delete("/api/v1/namespaces/default/configmaps/a");
            JsonNode d = w.next();
            assertThat(d.get("type").asString()).isEqualTo("DELETED");
            assertThat(Long.parseLong(rvOf(new Http.Response(0, d.get("object"), null, ""))))
                    .isGreaterThan(Long.parseLong(m.at("/object/metadata/resourceVersion").asString()));
        }
    }

    @Test
    void watchWithoutResourceVersionStartsWithCurrentState() {
        http.post("/api/v1/namespaces/default/configmaps", cm("x", ""));
        try (Http.Stream w = http.watch("/api/v1/namespaces/default/configmaps?watch=true")) {
            JsonNode e = w.next();
            assertThat(e.get("type").asString()).isEqualTo("ADDED");
            assertThat(e.at("/object/metadata/name").asString()).isEqualTo("x");
        }
    }

    @Test
    void tooOldResourceVersionGetsExpiredErrorEvent() {
        String rv = rvOf(http.post("/api/v1/namespaces/default/configmaps", cm("old", "")));
        for (int i = 0; i < 150; i++) {
            http.post("/api/v1/namespaces/default/configmaps", cm("n" + i, ""));
        }
        try (Http.Stream w = http.watch("/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=" + rv)) {
            JsonNode e = w.next();
            assertThat(e.get("type").asString()).isEqualTo("ERROR");
            assertThat(e.at("/object/code").asInt()).isEqualTo(410);
            assertThat(e.at("/object/reason").asString()).isEqualTo("Expired");
            assertThat(e.at("/object/message").asString()).startsWith("too old resource version: " + rv);
            assertThat(w.next().get("type").asString()).isEqualTo("EOF");
        }
    }

    @Test
    void compactionExpiresOpenWatchesAndResumeWorksFromANewList() {
        String rv = rvOf(http.post("/api/v1/namespaces/default/configmaps", cm("c1", "")));
        try (Http.Stream w = http.watch("/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=" + rv)) {
            server.compact();
            assertThat(w.next().at("/object/code").asInt()).isEqualTo(410);
        }
        String listRv = http.get("/api/v1/namespaces/default/configmaps").body().at("/metadata/resourceVersion")
                .asString();
        try (Http.Stream w = http.watch("/api/v1/namespaces/default/configmaps?watch=true&resourceVersion="
                + listRv)) {
            http.post("/api/v1/namespaces/default/configmaps", cm("c2", ""));
            assertThat(w.next().at("/object/metadata/name").asString()).isEqualTo("c2");
        }
    }

    @Test
    void bookmarksCarryTheCurrentResourceVersion() {
        String rv = rvOf(http.post("/api/v1/namespaces/default/configmaps", cm("bm", "")));
        try (Http.Stream w = http.watch("/api/v1/namespaces/default/configmaps?watch=true&allowWatchBookmarks=true"
                + "&resourceVersion=" + rv)) {
            JsonNode b = w.next();
            assertThat(b.get("type").asString()).isEqualTo("BOOKMARK");
            assertThat(b.at("/object/kind").asString()).isEqualTo("ConfigMap");
            assertThat(b.at("/object/metadata/resourceVersion").asString()).isEqualTo(rv);
            assertThat(b.at("/object/data").isMissingNode()).isTrue();
        }
    }

    @Test
    void noBookmarksUnlessAsked() {
        String rv = rvOf(http.post("/api/v1/namespaces/default/configmaps", cm("nb", "")));
        try (Http.Stream w = http.watch("/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1"
                + "&resourceVersion=" + rv)) {
            assertThat(w.next().get("type").asString()).isEqualTo("EOF");
            assertThat(w.failure).isNull();
        }
    }

    @Test
    void sendInitialEventsEndsWithAnnotatedBookmark() {
        http.post("/api/v1/namespaces/default/configmaps", cm("i1", ""));
        http.post("/api/v1/namespaces/default/configmaps", cm("i2", ""));
        long rv = server.resourceVersion();
        try (Http.Stream w = http.watch("/api/v1/namespaces/default/configmaps?watch=true&sendInitialEvents=true"
                + "&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan")) {
            assertThat(w.next().at("/object/metadata/name").asString()).isEqualTo("i1");
            assertThat(w.next().at("/object/metadata/name").asString()).isEqualTo("i2");
            JsonNode end = w.next();
            assertThat(end.get("type").asString()).isEqualTo("BOOKMARK");
            assertThat(end.at("/object/metadata/annotations/k8s.io~1initial-events-end").asString()).isEqualTo("true");
            assertThat(end.at("/object/metadata/resourceVersion").asString()).isEqualTo(Long.toString(rv));
        }
        Http.Response bad = http.get("/api/v1/namespaces/default/configmaps?watch=true&sendInitialEvents=true");
        assertThat(bad.code()).isEqualTo(422);
        assertThat(bad.message()).contains("resourceVersionMatch");
    }

    @Test
    void timeoutSecondsEndsTheStream() {
        try (Http.Stream w = http.watch("/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1")) {
            assertThat(w.next().get("type").asString()).isEqualTo("EOF");
            assertThat(w.failure).isNull();
        }
    }

    @Test
    void objectsEnteringAndLeavingTheSelectorBecomeAddedAndDeleted() {
        String rv = rvOf(http.post("/api/v1/namespaces/default/configmaps", cm("sel", "'tier':'web'")));
        try (Http.Stream w = http.watch("/api/v1/namespaces/default/configmaps?watch=true&labelSelector=tier%3Ddb"
                + "&resourceVersion=" + rv)) {
            http.patch("/api/v1/namespaces/default/configmaps/sel", "application/merge-patch+json",
                    "{'metadata':{'labels':{'tier':'db'}}}");
            assertThat(w.next().get("type").asString()).isEqualTo("ADDED");
            http.patch("/api/v1/namespaces/default/configmaps/sel", "application/merge-patch+json",
                    "{'data':{'k':'2'}}");
            assertThat(w.next().get("type").asString()).isEqualTo("MODIFIED");
            http.patch("/api/v1/namespaces/default/configmaps/sel", "application/merge-patch+json",
                    "{'metadata':{'labels':{'tier':'web'}}}");
            JsonNode left = w.next();
            assertThat(left.get("type").asString()).isEqualTo("DELETED");
            assertThat(left.at("/object/metadata/labels/tier").asString()).isEqualTo("web");
            http.post("/api/v1/namespaces/default/configmaps", cm("other", "'tier':'web'"));
            http.post("/api/v1/namespaces/default/configmaps", cm("match", "'tier':'db'"));
            assertThat(w.next().at("/object/metadata/name").asString()).isEqualTo("match");
        }
    }

    @Test
    void watchUnderTenThousandRapidWritesLosesNothing() throws Exception {
        int writes = 10_000;
        String rv = Long.toString(server.resourceVersion());
        try (Http.Stream w = http.watch("/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=" + rv)) {
            Thread[] writers = new Thread[4];
            for (int t = 0; t < writers.length; t++) {
                int id = t;
                writers[t] = new Thread(() -> {
                    for (int i = id; i < writes; i += writers.length) {
                        server.put(Http.json("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'r-" + i
                                + "','namespace':'default'}}"));
                    }
                });
                writers[t].start();
            }
            for (Thread t : writers) {
                t.join();
            }
            Set<String> seen = new HashSet<>();
            long last = Long.parseLong(rv);
            for (int i = 0; i < writes; i++) {
                JsonNode e = w.next();
                assertThat(e.get("type").asString()).isEqualTo("ADDED");
                long erv = Long.parseLong(e.at("/object/metadata/resourceVersion").asString());
                assertThat(erv).isGreaterThan(last);
                last = erv;
                seen.add(e.at("/object/metadata/name").asString());
            }
            assertThat(seen).hasSize(writes);
        }
    }
}
