package io.kubeclient.spring.autoconfigure;

import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Loads and links the client's start-up classes on a background thread while the main thread
 * prepares the application context, as Spring Boot's own background pre-initializer does for its
 * classes: the client's classes an application loads at start (from a list), the kubeconfig
 * parser, the check of a configured CA, the {@code RestConfig}, the clientset, REST,
 * discovery and mapping clients (see {@link KubeClientPreinitialization}). No file is read (only
 * the class list from the class path, and whether the default kubeconfig files exist), no
 * transport, thread pool or connection is created, and a failure is only logged at debug level.
 *
 * <p>Starts on {@link ApplicationEnvironmentPreparedEvent}, right after Boot's own pre-initializer,
 * and is waited for on {@link ApplicationReadyEvent} or {@link ApplicationFailedEvent}, so that the
 * thread never outlives the start. Skipped with Boot's switch (system property
 * {@code spring.backgroundpreinitializer.ignore=true}), with {@code kube.client.preinitialize=false}
 * or {@code kube.client.enabled=false}, and on a single CPU, where it could only compete with the
 * main thread. Registered in {@code META-INF/spring.factories}.
 */
final class KubeClientBackgroundPreinitializer implements ApplicationListener<SpringApplicationEvent>, Ordered {

    /** Spring Boot's switch for its own background pre-initializer, honoured here too. */
    static final String IGNORE_PROPERTY = "spring.backgroundpreinitializer.ignore";

    /** Ours: {@code false} switches this pre-initializer off. */
    static final String PREINITIALIZE_PROPERTY = "kube.client.preinitialize";

    static final String THREAD_NAME = "kube-client-preinit";

    private final boolean enabled;
    private final Function<Environment, Runnable> work;
    private Thread thread;

    /** The instance Spring creates from {@code spring.factories}. */
    KubeClientBackgroundPreinitializer() {
        // No method reference: its call site would be bootstrapped on the main thread.
        this(Boolean.getBoolean(IGNORE_PROPERTY), Runtime.getRuntime().availableProcessors(), null);
    }

    /**
     * @param ignore Boot's switch is set
     * @param processors the CPUs available
     * @param work what to run in the background for an environment (returning {@code null} to run
     *     nothing); {@code null} for {@link KubeClientPreinitialization#forEnvironment}
     */
    KubeClientBackgroundPreinitializer(boolean ignore, int processors, Function<Environment, Runnable> work) {
        this.enabled = !ignore && processors > 1;
        this.work = work;
    }

    /** Whether Boot's switch and the CPU count let it run. */
    boolean isEnabled() {
        return this.enabled;
    }

    @Override
    public int getOrder() {
        // Right after Boot's own (HIGHEST_PRECEDENCE + 20), which runs after the environment
        // post-processors: application.properties is visible by then.
        return Ordered.HIGHEST_PRECEDENCE + 21;
    }

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            start(prepared.getEnvironment());
        } else if (event instanceof ApplicationReadyEvent || event instanceof ApplicationFailedEvent) {
            awaitCompletion();
        }
    }

    private void start(Environment environment) {
        if (!this.enabled || this.thread != null || isFalse(environment, PREINITIALIZE_PROPERTY)
                || isFalse(environment, "kube.client.enabled")) {
            return;
        }
        // The rest of the environment is read on the new thread, which also loads the work's class:
        // the main thread only starts it.
        Thread t = new Thread(new Runner(this.work, environment), THREAD_NAME);
        t.setDaemon(true);
        try {
            t.start();
        } catch (RuntimeException | OutOfMemoryError e) {
            Log.LOG.debug("kube-client background pre-initialization not started", e);
            return;
        }
        this.thread = t;
    }

    /** Waits for the background work, as Boot does for its own, so that it never outlives the start. */
    private void awaitCompletion() {
        Thread t = this.thread;
        if (t == null) {
            return;
        }
        try {
            t.join();
            this.thread = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isFalse(Environment environment, String property) {
        // A string comparison: a typed lookup would initialise the conversion service on the main
        // thread, which Boot's own pre-initializer warms in the background.
        String value = environment.getProperty(property);
        return value != null && "false".equalsIgnoreCase(value.strip());
    }

    /** The logger, created when first needed: on the background thread, or on a failure to start it. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(KubeClientBackgroundPreinitializer.class);
    }

    /**
     * Makes the work for the environment and runs it, swallowing anything either throws:
     * pre-initialization must never fail a start. Not a record: its {@code toString} would print the
     * environment, whose property sources may hold credentials.
     */
    private static final class Runner implements Runnable {

        private final Function<Environment, Runnable> work;
        private final Environment environment;

        Runner(Function<Environment, Runnable> work, Environment environment) {
            this.work = work;
            this.environment = environment;
        }

        @Override
        public void run() {
            try {
                Runnable task = (this.work != null) ? this.work.apply(this.environment)
                        : KubeClientPreinitialization.forEnvironment(this.environment);
                if (task != null) {
                    task.run();
                }
            } catch (Throwable e) {
                Log.LOG.debug("kube-client background pre-initialization failed", e);
            }
        }
    }
}
