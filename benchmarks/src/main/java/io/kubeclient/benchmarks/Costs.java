package io.kubeclient.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What one GET costs the machine, not how long it takes: context switches and CPU time per GET, per
 * thread (from Linux's {@code /proc}), for one calling thread that GETs the 1 KB ConfigMap in a loop.
 * Threads are grouped by name with digits dropped, so the JDK client's selector thread, OkHttp's
 * threads and an in-process server's threads each show as one line; the calling thread is
 * {@code bench-caller}. A server started apart is measured too when {@code -Dbench.serverPid} names
 * its process.
 *
 * <p>With {@code -Dbench.strace=<dir>}, after its rounds each client makes up to 5,000 more GETs under
 * {@code strace -f -ff} (installed apart), and the system calls per GET of each thread group are
 * listed, from the trace files written under that directory. Tracing slows every call many times
 * over: its counts mean something, its times do not.
 *
 * <p>Usage: {@code Costs [gets per round] [rounds] [client,...]}, default 50,000, 3,
 * {@code floorDirect,ours,official}; {@code -Dbench.server} as for {@link Paired}. Linux only.
 */
public final class Costs {

    private static final long TICK_NANOS = 10_000_000L; // USER_HZ is 100 on every Linux build in use

    private Costs() {}

    public static void main(String[] args) throws Exception {
        int gets = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> names = Arrays.asList((args.length > 2 ? args[2] : "floorDirect,ours,official").split(","));
        Long serverPid = Long.getLong("bench.serverPid");
        String straceDir = System.getProperty("bench.strace");
        byte[] none = new byte[0];
        try (BenchServer server = BenchServer.fromProperty(none, Fixtures.configMap(), none, 0)) {
            System.out.printf(Locale.ROOT, "costs: %s, %,d GETs per round, %d rounds, one calling thread%n",
                    server.host(), gets, rounds);
            for (String name : names) {
                try (Peer peer = ClientBenchmarks.peer(name, server)) {
                    onCaller(() -> loop(peer, Math.max(20_000, gets))); // warm-up, JIT included
                    List<Map<String, double[]>> results = new ArrayList<>();
                    List<Double> micros = new ArrayList<>();
                    for (int r = 0; r < rounds; r++) {
                        Map<Long, Task> before = snapshot(serverPid);
                        long start = System.nanoTime();
                        onCaller(() -> loop(peer, gets));
                        micros.add((System.nanoTime() - start) / 1e3 / gets);
                        results.add(perGet(before, snapshot(serverPid), gets));
                    }
                    report(name, micros, results);
                    if (straceDir != null) {
                        strace(name, peer, Math.min(gets, 5_000), Path.of(straceDir, name), serverPid);
                    }
                }
            }
        }
    }

    /** Context switches and CPU of one thread, or of a whole group once merged. */
    private record Task(String group, long switches, long involuntary, long cpuTicks) {}

    private interface Body {
        void run() throws Exception;
    }

    /** The one thread every GET runs on, alive for the whole run so its /proc entry stays. */
    private static final java.util.concurrent.ExecutorService CALLER = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "bench-caller");
                t.setDaemon(true);
                return t;
            });

    /** Runs {@code body} on the {@code bench-caller} thread and waits for it. */
    private static void onCaller(Body body) throws Exception {
        try {
            CALLER.submit(() -> {
                body.run();
                return null;
            }).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    private static void loop(Peer peer, int gets) throws Exception {
        for (int i = 0; i < gets; i++) {
            peer.get();
        }
    }

    /** Every thread of this process, and of the server's when its pid is known. */
    private static Map<Long, Task> snapshot(Long serverPid) throws IOException {
        Map<Long, Task> tasks = tasks(ProcessHandle.current().pid(), "");
        if (serverPid != null) {
            tasks.putAll(tasks(serverPid, "server:"));
        }
        return tasks;
    }

    /** Every thread of a process by thread id; threads that end meanwhile are skipped. */
    private static Map<Long, Task> tasks(long pid, String prefix) throws IOException {
        Map<Long, Task> tasks = new HashMap<>();
        Path taskDir = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(taskDir)) {
            throw new IllegalArgumentException("no " + taskDir + ": no process " + pid
                    + " (bench.serverPid), or not Linux");
        }
        try (Stream<Path> dirs = Files.list(taskDir)) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long cpu = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                    long vol = 0;
                    long invol = 0;
                    for (String line : Files.readAllLines(dir.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            vol = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                            invol = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                    tasks.put(Long.parseLong(dir.getFileName().toString()),
                            new Task(prefix + group(comm), vol + invol, invol, cpu));
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between listing and reading
                }
            }
        }
        return tasks;
    }

    /** A thread name without its digits: {@code HttpClient-3-SelectorManager} and its siblings alike. */
    private static String group(String comm) {
        return comm.replaceAll("[0-9]+", "#");
    }

    /** Per group: switches, involuntary switches and CPU microseconds, each per GET. */
    private static Map<String, double[]> perGet(Map<Long, Task> before, Map<Long, Task> after, int gets) {
        Map<String, double[]> groups = new TreeMap<>();
        after.forEach((tid, a) -> {
            Task b = before.getOrDefault(tid, new Task(a.group(), 0, 0, 0));
            double[] g = groups.computeIfAbsent(a.group(), k -> new double[3]);
            g[0] += (double) (a.switches() - b.switches()) / gets;
            g[1] += (double) (a.involuntary() - b.involuntary()) / gets;
            g[2] += (double) (a.cpuTicks() - b.cpuTicks()) * TICK_NANOS / 1e3 / gets;
        });
        return groups;
    }

    private static void report(String name, List<Double> micros, List<Map<String, double[]>> results) {
        System.out.printf(Locale.ROOT, "%n%s: %.1f us per GET (median of %d rounds)%n", name, median(micros),
                micros.size());
        System.out.printf(Locale.ROOT, "  %-32s %10s %12s %12s%n", "thread group", "switches", "involuntary",
                "CPU us");
        double[] serverSum = new double[3];
        double[] process = new double[3];
        Map<String, double[]> medians = new TreeMap<>();
        for (String group : results.get(results.size() - 1).keySet()) {
            double[] m = new double[3];
            for (int i = 0; i < 3; i++) {
                int k = i;
                m[i] = median(results.stream().map(r -> r.getOrDefault(group, new double[3])[k]).toList());
            }
            medians.put(group, m);
        }
        for (Map.Entry<String, double[]> e : medians.entrySet()) {
            double[] m = e.getValue();
            double[] sum = e.getKey().startsWith("server:") ? serverSum : process;
            for (int i = 0; i < 3; i++) {
                sum[i] += m[i];
            }
            if (m[0] >= 0.01 || m[2] >= 0.5) {
                System.out.printf(Locale.ROOT, "  %-32s %10.2f %12.2f %12.1f%n", e.getKey(), m[0], m[1], m[2]);
            }
        }
        System.out.printf(Locale.ROOT, "  %-32s %10.2f %12.2f %12.1f%n", "this process", process[0], process[1],
                process[2]);
        if (serverSum[0] > 0 || serverSum[2] > 0) {
            System.out.printf(Locale.ROOT, "  %-32s %10.2f %12.2f %12.1f%n", "server process", serverSum[0],
                    serverSum[1], serverSum[2]);
        }
    }

    /** Runs {@code gets} GETs with strace attached and prints system calls per GET per thread group. */
    private static void strace(String name, Peer peer, int gets, Path dir, Long serverPid) throws Exception {
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : (Iterable<Path>) old::iterator) {
                Files.delete(p);
            }
        }
        Map<Long, Task> names = snapshot(serverPid);
        List<String> command = new ArrayList<>(List.of("strace", "-f", "-ff", "-qq", "-o", dir.resolve("t").toString(),
                "-p", Long.toString(ProcessHandle.current().pid())));
        if (serverPid != null) {
            command.addAll(List.of("-p", serverPid.toString()));
        }
        Process strace = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("strace.log").toFile()).start();
        Thread.sleep(2000); // attaching to every thread
        onCaller(() -> loop(peer, gets));
        Thread.sleep(500);
        strace.destroy(); // SIGTERM: strace detaches and closes its files
        strace.waitFor(30, TimeUnit.SECONDS);
        Map<String, Map<String, Integer>> calls = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String f = file.getFileName().toString();
                if (!f.startsWith("t.")) {
                    continue;
                }
                Task task = names.get(Long.parseLong(f.substring(2)));
                String group = task == null ? "(started during the trace)" : task.group();
                Map<String, Integer> counts = calls.computeIfAbsent(group, k -> new TreeMap<>());
                for (String line : Files.readAllLines(file)) {
                    int paren = line.indexOf('(');
                    if (paren > 0 && !line.startsWith("+++") && !line.startsWith("---")) {
                        counts.merge(line.substring(0, paren), 1, Integer::sum);
                    }
                }
            }
        }
        if (calls.isEmpty()) {
            System.out.printf(Locale.ROOT, "  no strace output for %s; strace said: %s%n", name,
                    Files.readString(dir.resolve("strace.log")).strip());
            return;
        }
        System.out.printf(Locale.ROOT, "  system calls per GET under strace (%,d GETs; traces in %s):%n", gets, dir);
        calls.forEach((group, counts) -> {
            double sum = counts.values().stream().mapToInt(Integer::intValue).sum() / (double) gets;
            if (sum >= 0.05) {
                StringBuilder sb = new StringBuilder();
                counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                        .filter(e -> e.getValue() / (double) gets >= 0.05)
                        .forEach(e -> sb.append(String.format(Locale.ROOT, " %s %.2f", e.getKey(),
                                e.getValue() / (double) gets)));
                System.out.printf(Locale.ROOT, "    %-30s %6.2f:%s%n", group, sum, sb);
            }
        });
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
