package io.kubeclient.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclient.apimachinery.schema.GroupVersion;
import io.kubeclient.clientcmd.Clientcmd;
import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.rest.RESTClient;
import io.kubeclient.rest.RestConfig;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The pre-initializer and the main thread initialise the same classes at the same time; a cycle
 * between two static initialisers would deadlock them. Each round loads the client, Jackson and
 * SnakeYAML afresh in its own class loader, so that every class is initialised anew, and starts
 * both paths together.
 */
class PreinitializationConcurrencyTests {

    private static final int ROUNDS = 20;

    @Test
    void thePreinitializerAndTheMainThreadPathNeverDeadlock() throws Exception {
        URL[] classPath = classPath();
        ExecutorService pool = Executors.newFixedThreadPool(2, (r) -> {
            Thread t = new Thread(r, "preinit-concurrency-test");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int round = 0; round < ROUNDS; round++) {
                try (URLClassLoader fresh = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
                    Runnable preinit = instance(fresh, Preinit.class);
                    Runnable main = instance(fresh, MainPath.class);
                    assertThat(preinit.getClass().getClassLoader()).isSameAs(fresh);
                    CyclicBarrier start = new CyclicBarrier(2);
                    Future<?> a = pool.submit(() -> {
                        await(start);
                        preinit.run();
                    });
                    Future<?> b = pool.submit(() -> {
                        await(start);
                        main.run();
                    });
                    // A deadlock shows as a timeout here (the threads are daemons).
                    a.get(60, TimeUnit.SECONDS);
                    b.get(60, TimeUnit.SECONDS);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Runnable instance(ClassLoader loader, Class<?> type) throws Exception {
        return (Runnable) loader.loadClass(type.getName()).getDeclaredConstructor().newInstance();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static URL[] classPath() throws Exception {
        String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
        URL[] urls = new URL[entries.length];
        for (int i = 0; i < entries.length; i++) {
            urls[i] = Path.of(entries[i]).toUri().toURL();
        }
        return urls;
    }

    /** The background work, as the listener runs it. */
    public static final class Preinit implements Runnable {

        @Override
        public void run() {
            new KubeClientPreinitialization(true, Map.of(), false).run();
        }
    }

    /** What the main thread does from a kubeconfig: parse it, build the transport (and its trust material), the clients. */
    public static final class MainPath implements Runnable {

        @Override
        public void run() {
            RestConfig config = Clientcmd.restConfigFromKubeConfig(
                    KubeClientPreinitialization.KUBECONFIG.getBytes(StandardCharsets.UTF_8));
            try (RESTClient rest = RESTClient.forConfig(
                    config.toBuilder().apiPath("/api").groupVersion(GroupVersion.of("", "v1")).build());
                     Clientset clientset = Clientset.newForConfig(config)) {
                clientset.coreV1();
            }
        }
    }
}
