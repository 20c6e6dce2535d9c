package io.kubeclient.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The scenarios of issues 5 and 11, each run by every client against the same loopback server:
 * LIST of 5,000 pods, a 1 KB GET with 1 and 16 threads, and a watch stream of 100,000 MODIFIED
 * events. {@code floor} is a bare JDK HttpClient plus a bare Jackson 3 mapper; the others are
 * kube-client ({@code ours}), fabric8 8.0 on its JDK and Vert.x 5 backends, and the official client.
 * Run with {@code benchmarks/run.sh}; select clients with {@code -p client=floor,ours}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ClientBenchmarks {

    static final int LIST_PODS = 5_000;
    static final int WATCH_EVENTS = 100_000;

    @Param({"floor", "ours", "fabric8Jdk", "fabric8Vertx", "official"})
    public String client;

    BenchServer server;
    Peer peer;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws Exception {
        // Only the payload this benchmark reads is built: the watch stream alone is about 500 MB.
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        byte[] empty = new byte[0];
        server = new LoopbackServer(
                method.equals("list") ? Fixtures.podList(LIST_PODS) : empty,
                method.startsWith("get") ? Fixtures.configMap() : empty,
                method.equals("watch") ? Fixtures.watchEvents(WATCH_EVENTS) : empty);
        peer = peer(client, server);
        // Fail in set-up, not in the middle of a measurement, if a client reads something else.
        if (method.equals("watch")) {
            long n = peer.watch();
            if (n != WATCH_EVENTS) {
                throw new IllegalStateException(client + " read " + n + " watch events, expected " + WATCH_EVENTS);
            }
        }
    }

    static Peer peer(String name, BenchServer server) {
        return switch (name) {
            case "floor" -> new Floor(server, false);
            // The floor as our transport used to call the JDK: sendAsync(...).get() on an own executor.
            case "floorAsync" -> new Floor(server, true);
            // The floor with an inline executor: no hand-off between the selector and a pool thread.
            case "floorDirect" -> new Floor(server, false, true);
            // floorDirect with the JDK's own 30 s request timeout on every request.
            case "floorDirectTimeout" -> new Floor(server, false, true, 1, false, Duration.ofSeconds(30));
            // floorDirect over 2 HttpClients (two selector threads), requests round-robin.
            case "floorShard2" -> new Floor(server, false, true, 2, false);
            case "floorShard4" -> new Floor(server, false, true, 4, false);
            // The same, each calling thread always on the same HttpClient (its id modulo 2).
            case "floorShard2t" -> new Floor(server, false, true, 2, true);
            case "ours" -> new Ours(server, false);
            // With a 30 s request timeout (kube.client.timeout=30s).
            case "oursTimeout" -> new Ours(server, false, Duration.ofSeconds(30));
            // Offering HTTP/1.1 alone over TLS, beside an HTTP/2 client in Soak's alternating mode.
            case "oursHttp1" -> new Ours(server, false, null, true);
            // execute().into(type), which holds the whole body first.
            case "oursResult" -> new Ours(server, true);
            case "fabric8Jdk" -> Fabric8.jdk(server, WATCH_EVENTS);
            case "fabric8Vertx" -> Fabric8.vertx(server, WATCH_EVENTS);
            case "official" -> new Official(server);
            default -> throw new IllegalArgumentException("unknown client " + name);
        };
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        peer.close();
        server.close();
    }

    @Benchmark
    public Object list() throws Exception {
        return peer.list();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object get() throws Exception {
        return peer.get();
    }

    @Benchmark
    @Threads(16)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object get16() throws Exception {
        return peer.get();
    }

    @Benchmark
    public long watch() throws Exception {
        return peer.watch();
    }
}
