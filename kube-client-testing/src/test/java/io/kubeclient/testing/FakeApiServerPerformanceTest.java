package io.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints how fast the fake serves a 5,000-pod list and a 100,000-event watch. Not a timed assertion: run on
 * demand with {@code ./mvnw -pl kube-client-testing test -Dtest=FakeApiServerPerformanceTest -Dfake.perf=true}.
 */
@EnabledIfSystemProperty(named = "fake.perf", matches = "true")
class FakeApiServerPerformanceTest {

    @Test
    void listOf5000PodsAnd100kEventWatch() throws Exception {
        try (FakeApiServer server = FakeApiServer.builder().historyLimit(200_000).start()) {
            for (int i = 0; i < 5000; i++) {
                server.put(Http.json(("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'pod-%05d','namespace':"
                        + "'bench','labels':{'app':'bench','shard':'%d','pod-template-hash':'5d8f9c7b6'},"
                        + "'annotations':{'kubernetes.io/psp':'restricted','prometheus.io/scrape':'true'}},"
                        + "'spec':{'nodeName':'node-%d','serviceAccountName':'default','containers':[{'name':'app',"
                        + "'image':'registry.example.com/team/app:1.2.3','ports':[{'containerPort':8080,"
                        + "'protocol':'TCP'}],'env':[{'name':'JAVA_OPTS','value':'-Xmx512m'},{'name':'MODE',"
                        + "'value':'prod'}],'resources':{'requests':{'cpu':'100m','memory':'256Mi'},'limits':"
                        + "{'cpu':'1','memory':'512Mi'}},'volumeMounts':[{'name':'config','mountPath':'/etc/app'}]}],"
                        + "'volumes':[{'name':'config','configMap':{'name':'app-config'}}]},'status':{'phase':"
                        + "'Running','podIP':'10.0.%d.%d','hostIP':'192.168.0.%d','conditions':[{'type':'Ready',"
                        + "'status':'True'}]}}").formatted(i, i % 10, i % 50, i / 250, i % 250, i % 50)));
            }
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest list = HttpRequest.newBuilder(server.url().resolve("/api/v1/namespaces/bench/pods")).build();
            long bytes = 0;
            long[] nanos = new long[15];
            for (int i = 0; i < nanos.length; i++) {
                long t0 = System.nanoTime();
                byte[] body = client.send(list, HttpResponse.BodyHandlers.ofByteArray()).body();
                nanos[i] = System.nanoTime() - t0;
                bytes = body.length;
            }
            Arrays.sort(nanos);
            System.out.printf("5,000-pod list: %d bytes, median %.1f ms, best %.1f ms (over %d runs)%n", bytes,
                    nanos[nanos.length / 2] / 1e6, nanos[0] / 1e6, nanos.length);

            HttpRequest small = HttpRequest.newBuilder(server.url().resolve("/api/v1/namespaces/bench/pods/pod-00001"))
                    .build();
            for (int i = 0; i < 200; i++) {
                client.send(small, HttpResponse.BodyHandlers.ofByteArray());
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                client.send(small, HttpResponse.BodyHandlers.ofByteArray());
            }
            System.out.printf("single-pod GET: %.3f ms each (1,000 sequential)%n", (System.nanoTime() - t1) / 1e6 / 1000);

            int events = 100_000;
            HttpRequest watch = HttpRequest.newBuilder(server.url().resolve(
                    "/api/v1/namespaces/bench/configmaps?watch=true&resourceVersion=" + server.resourceVersion()))
                    .build();
            HttpResponse<InputStream> stream = client.send(watch, HttpResponse.BodyHandlers.ofInputStream());
            long t2 = System.nanoTime();
            Thread writer = new Thread(() -> {
                for (int i = 0; i < events; i++) {
                    server.put(Http.json("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'cm-" + (i % 1000)
                            + "','namespace':'bench'},'data':{'n':'" + i + "'}}"));
                }
            });
            writer.start();
            int seen = 0;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                while (seen < events && r.readLine() != null) {
                    seen++;
                }
            }
            long watchNanos = System.nanoTime() - t2;
            writer.join();
            System.out.printf("100,000-event watch: %.0f ms end to end (writes and delivery), %.0f events/s%n",
                    watchNanos / 1e6, events / (watchNanos / 1e9));
            assertThat(seen).isEqualTo(events);
        }
    }
}
