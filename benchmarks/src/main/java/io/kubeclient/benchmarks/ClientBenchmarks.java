package io.kubeclient.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The three scenarios, each beside its floor: LIST of 5,000 pods, a 1 KB GET, and a watch stream
 * of 100,000 MODIFIED events. Run with {@code benchmarks/run.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ClientBenchmarks {

    static final int LIST_PODS = 5_000;
    static final int WATCH_EVENTS = 100_000;

    LoopbackServer server;
    Floor floor;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        server = new LoopbackServer(
                Fixtures.podList(LIST_PODS), Fixtures.configMap(), Fixtures.watchEvents(WATCH_EVENTS));
        floor = new Floor();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        floor.close();
        server.close();
    }

    @Benchmark
    public Object listFloor() throws Exception {
        return floor.list(server.uri(LoopbackServer.LIST_PATH));
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object getFloor() throws Exception {
        return floor.get(server.uri(LoopbackServer.GET_PATH));
    }

    @Benchmark
    public long watchFloor() throws Exception {
        return floor.watch(server.uri(LoopbackServer.WATCH_PATH));
    }
}
