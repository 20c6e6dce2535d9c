package io.kubeclient.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Interleaved ratios for a shared, noisy machine: each round runs every client once, one after the
 * other (starting with a different one each round), so a burst of load from elsewhere hits all of them alike; the report is the median over
 * rounds of each client's time divided by the floor's time in the same round. Complements JMH (which
 * runs clients minutes apart); used by {@code run.sh paired}.
 *
 * <p>Usage: {@code Paired <list|get|get16|watch> <rounds> <client,...>} (the first client is the
 * baseline, normally {@code floor}); {@code -Dbench.getBytes=N} grows the GET's 1 KB ConfigMap to at
 * least N bytes; {@code -Dbench.server=tls-h2} (or {@code tls-http1.1}, or {@code vertx} for plain
 * HTTP/1.1) serves everything from {@link VertxServer} instead of the JDK's server
 * ({@link BenchServer#fromProperty}).
 */
public final class Paired {

    private Paired() {}

    public static void main(String[] args) throws Exception {
        String scenario = args.length > 0 ? args[0] : "list";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        List<String> names = Arrays.asList((args.length > 2 ? args[2] : "floor,ours,fabric8Jdk").split(","));
        byte[] empty = new byte[0];
        byte[] configMap = scenario.startsWith("get") ? Fixtures.configMap(Integer.getInteger("bench.getBytes", 0)) : empty;
        byte[] list = scenario.equals("list") ? Fixtures.podList(ClientBenchmarks.LIST_PODS) : empty;
        byte[] watch = scenario.equals("watch") ? Fixtures.watchEvents(ClientBenchmarks.WATCH_EVENTS) : empty;
        try (BenchServer server = BenchServer.fromProperty(list, configMap, watch, 0)) {
            Map<String, Peer> peers = new LinkedHashMap<>();
            for (String name : names) {
                peers.put(name, ClientBenchmarks.peer(name, server));
            }
            int threads = scenario.equals("get16") ? 16 : 1;
            int batch = scenario.startsWith("get") ? 400 : 1;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                Map<String, List<Double>> times = new LinkedHashMap<>();
                names.forEach(n -> times.put(n, new ArrayList<>()));
                int warmup = Math.max(3, rounds / 3);
                for (int r = -warmup; r < rounds; r++) {
                    // A different client goes first each round, so no one always follows the same neighbour.
                    List<String> order = new ArrayList<>(names);
                    java.util.Collections.rotate(order, Math.floorMod(r, names.size()));
                    for (String name : order) {
                        double nanosPerOp = run(pool, threads, batch, scenario, peers.get(name));
                        if (r >= 0) {
                            times.get(name).add(nanosPerOp);
                        }
                    }
                }
                if (server instanceof VertxServer v) {
                    System.out.printf(Locale.ROOT, "%nVert.x server at %s; requests served by protocol: %s%n",
                            server.host(), v.versionsServed());
                }
                report(scenario, threads, configMap.length, names, times);
            } finally {
                pool.shutdownNow();
                peers.values().forEach(Peer::close);
            }
        }
    }

    private static double run(ExecutorService pool, int threads, int batch, String scenario, Peer peer) throws Exception {
        Callable<Void> work = () -> {
            for (int i = 0; i < batch; i++) {
                switch (scenario) {
                    case "list" -> peer.list();
                    case "watch" -> peer.watch();
                    default -> peer.get();
                }
            }
            return null;
        };
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Void>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                start.await();
                return work.call();
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Future<Void> f : futures) {
            f.get();
        }
        // Wall time per operation across all threads: the inverse of throughput.
        return (double) (System.nanoTime() - t0) / ((long) batch * threads);
    }

    private static void report(String scenario, int threads, int configMapBytes, List<String> names,
            Map<String, List<Double>> times) {
        String base = names.get(0);
        List<Double> baseTimes = times.get(base);
        System.out.printf(Locale.ROOT, "%n%s (%d thread%s), %d rounds; median per-round ratio to %s%n",
                scenario, threads, threads == 1 ? "" : "s", baseTimes.size(), base);
        if (scenario.startsWith("get")) {
            System.out.printf(Locale.ROOT, "ConfigMap body: %d bytes%n", configMapBytes);
        }
        System.out.printf(Locale.ROOT, "%-14s %14s %10s %10s %10s%n", "client", "median/op", "ratio", "min", "max");
        for (String name : names) {
            List<Double> own = times.get(name);
            double[] ratios = new double[own.size()];
            for (int i = 0; i < own.size(); i++) {
                ratios[i] = own.get(i) / baseTimes.get(i);
            }
            Arrays.sort(ratios);
            double[] sorted = own.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%-14s %14s %10.3f %10.3f %10.3f%n", name, human(sorted[sorted.length / 2]),
                    ratios[ratios.length / 2], ratios[0], ratios[ratios.length - 1]);
        }
    }

    private static String human(double nanos) {
        return nanos >= 1e6 ? String.format(Locale.ROOT, "%.1f ms", nanos / 1e6)
                : String.format(Locale.ROOT, "%.1f us", nanos / 1e3);
    }
}
