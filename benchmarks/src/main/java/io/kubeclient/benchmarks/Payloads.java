package io.kubeclient.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a benchmark payload to a file, for a server started apart ({@code go-apiserver}) to serve
 * the very bytes the in-process servers do. Usage: {@code Payloads get <file>} (the 1 KB ConfigMap;
 * {@code -Dbench.getBytes=N} as for {@link Paired}).
 */
public final class Payloads {

    private Payloads() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[0].equals("get")) {
            System.err.println("usage: Payloads get <file>");
            System.exit(2);
        }
        Files.write(Path.of(args[1]), Fixtures.configMap(Integer.getInteger("bench.getBytes", 0)));
    }
}
