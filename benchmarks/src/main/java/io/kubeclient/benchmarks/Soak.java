package io.kubeclient.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A stall hunt, not a benchmark: GETs of the 1 KB ConfigMap on several threads sharing one client,
 * without a request timeout, for a given time. If any GET takes longer than the stall limit, it prints
 * every thread's stack and the loopback sockets' state ({@code ss}, when installed: bytes waiting in
 * either direction tell a lost request from a lost response) and exits with status 3.
 *
 * <p>Usage: {@code Soak <minutes> <threads> [client]} (client as in {@link ClientBenchmarks#peer},
 * default {@code ours}; {@code a+b} alternates GETs between two clients of one server, such as
 * {@code ours+oursHttp1} over TLS: an HTTP/2 and an HTTP/1.1 client side by side); {@code -Dbench.server} as for {@link Paired}, and for a Vert.x server
 * {@code -Dbench.gapMillis=N} sends each response's headers first and its body 1 to N ms later;
 * {@code -Dbench.stallSeconds=S} (default 15).
 */
public final class Soak {

    private Soak() {}

    public static void main(String[] args) throws Exception {
        long minutes = args.length > 0 ? Long.parseLong(args[0]) : 10;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        String client = args.length > 2 ? args[2] : "ours";
        int gap = Integer.getInteger("bench.gapMillis", 0);
        long stallNanos = Long.getLong("bench.stallSeconds", 15) * 1_000_000_000L;
        byte[] none = new byte[0];
        byte[] configMap = Fixtures.configMap();
        try (BenchServer server = BenchServer.fromProperty(none, configMap, none, gap);
                Peers peers = new Peers(client.split("\\+"), server)) {
            System.out.printf(Locale.ROOT, "soak: %s, %d threads, %d min, %s, gap up to %d ms%n", client, threads,
                    minutes, server.host(), gap);
            AtomicLongArray started = new AtomicLongArray(threads);
            AtomicLong done = new AtomicLong();
            long end = System.nanoTime() + minutes * 60_000_000_000L;
            Thread[] workers = new Thread[threads];
            for (int i = 0; i < threads; i++) {
                int id = i;
                workers[i] = new Thread(() -> {
                    for (int n = id; System.nanoTime() < end; n++) {
                        started.set(id, System.nanoTime());
                        try {
                            peers.get(n).get();
                        } catch (Exception e) {
                            System.out.println("GET failed on worker " + id + " after " + done.get() + " GETs: " + e);
                            e.printStackTrace(System.out);
                            Runtime.getRuntime().halt(2);
                        }
                        started.set(id, 0);
                        done.incrementAndGet();
                    }
                }, "soak-" + i);
                workers[i].start();
            }
            Thread watchdog = new Thread(() -> watch(started, done, stallNanos, server), "soak-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            for (Thread w : workers) {
                w.join();
            }
            String served = server instanceof VertxServer v ? "; served " + v.versionsServed() : "";
            System.out.printf(Locale.ROOT, "soak: %,d GETs, no stall over %d s%s%n", done.get(),
                    stallNanos / 1_000_000_000L, served);
        }
    }

    /** The clients a soak alternates between, each thread taking them in turn. */
    private static final class Peers implements AutoCloseable {
        private final java.util.List<Peer> peers = new java.util.ArrayList<>();

        Peers(String[] names, BenchServer server) {
            for (String name : names) {
                peers.add(ClientBenchmarks.peer(name, server));
            }
        }

        Peer get(int n) {
            return peers.get(Math.floorMod(n, peers.size()));
        }

        @Override
        public void close() {
            peers.forEach(Peer::close);
        }
    }

    private static void watch(AtomicLongArray started, AtomicLong done, long stallNanos, BenchServer server) {
        long lastReport = System.nanoTime();
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            if (now - lastReport >= 60_000_000_000L) {
                System.out.printf(Locale.ROOT, "%s %,d GETs%n", Instant.now(), done.get());
                lastReport = now;
            }
            for (int i = 0; i < started.length(); i++) {
                long s = started.get(i);
                if (s != 0 && now - s > stallNanos) {
                    System.out.printf(Locale.ROOT, "STALL: worker %d waited %d s, after %,d GETs%n", i,
                            (now - s) / 1_000_000_000L, done.get());
                    System.out.println(sockets(server));
                    for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
                        System.out.print(stack(t));
                    }
                    Runtime.getRuntime().halt(3);
                }
            }
        }
    }

    /** {@code ss}'s view of the server port's connections (queues in both directions), or why not. */
    private static String sockets(BenchServer server) {
        String port = server.host().substring(server.host().lastIndexOf(':') + 1);
        try {
            Process p = new ProcessBuilder("ss", "-tni", "( sport = :" + port + " or dport = :" + port + " )")
                    .redirectErrorStream(true).start();
            return new String(p.getInputStream().readAllBytes());
        } catch (IOException e) {
            return "no socket state: " + e.getMessage();
        }
    }

    /** The whole stack, unlike {@link ThreadInfo#toString()}, which stops at eight frames. */
    private static String stack(ThreadInfo t) {
        StringBuilder sb = new StringBuilder().append('"').append(t.getThreadName()).append("\" ")
                .append(t.getThreadState()).append('\n');
        for (StackTraceElement e : t.getStackTrace()) {
            sb.append("    at ").append(e).append('\n');
        }
        return sb.append('\n').toString();
    }
}
