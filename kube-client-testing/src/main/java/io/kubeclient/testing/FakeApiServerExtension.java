package io.kubeclient.testing;

import io.kubeclient.dynamic.DynamicClient;
import io.kubeclient.kubernetes.Clientset;
import io.kubeclient.rest.RestConfig;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * JUnit 5 extension that starts one {@link FakeApiServer} per test class (nested classes share their outer
 * class's server) and injects the server, its {@link RestConfig}, {@link FakeClock} or {@link Faults}, or a
 * {@link Clientset} or {@link DynamicClient} built from that config, into test-method parameters and into
 * instance fields of those types that are still {@code null}. The clients are created on first injection,
 * shared by the class's tests and closed after the class, before the server.
 *
 * <p>Use {@link EnableFakeApiServer} on the class, or register it on a <em>static</em> field to configure
 * the server:
 * <pre>{@code
 * @RegisterExtension
 * static FakeApiServerExtension kube = new FakeApiServerExtension(b -> b.https());
 * }</pre>
 */
public final class FakeApiServerExtension
        implements BeforeAllCallback, AfterAllCallback, ParameterResolver, TestInstancePostProcessor {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(FakeApiServerExtension.class);
    private static final String KEY = "server";
    private static final String CLIENTS = "clients";

    private final Consumer<FakeApiServer.Builder> customizer;
    private volatile FakeApiServer server;

    /** An extension starting servers with default settings (or those of {@link EnableFakeApiServer}). */
    public FakeApiServerExtension() {
        this(b -> { });
    }

    /** An extension that lets {@code customizer} adjust each server's builder before it starts. */
    public FakeApiServerExtension(Consumer<FakeApiServer.Builder> customizer) {
        this.customizer = Objects.requireNonNull(customizer, "customizer");
    }

    /** The running server of the current test class; only valid between beforeAll and afterAll. */
    public FakeApiServer server() {
        FakeApiServer s = server;
        if (s == null) {
            throw new IllegalStateException("no fake API server is running: register the extension on a static "
                    + "field or use @EnableFakeApiServer");
        }
        return s;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        FakeApiServer existing = context.getStore(NS).get(KEY, FakeApiServer.class);
        if (existing != null) {
            server = existing;
            return;
        }
        FakeApiServer.Builder b = FakeApiServer.builder();
        EnableFakeApiServer ann = context.getRequiredTestClass().getAnnotation(EnableFakeApiServer.class);
        if (ann != null && ann.https()) {
            b.https();
        }
        customizer.accept(b);
        FakeApiServer started = b.start();
        context.getStore(NS).put(KEY, started);
        context.getStore(NS).put(CLIENTS, new Clients(started));
        context.getStore(NS).put(KEY + ".owner", context.getUniqueId());
        server = started;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NS);
        if (context.getUniqueId().equals(store.get(KEY + ".owner", String.class))) {
            Clients clients = store.remove(CLIENTS, Clients.class);
            FakeApiServer s = store.remove(KEY, FakeApiServer.class);
            try {
                if (clients != null) {
                    clients.close();
                }
            } finally {
                if (s != null) {
                    s.close();
                }
            }
            server = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return injectable(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        FakeApiServer s = context.getStore(NS).get(KEY, FakeApiServer.class);
        if (s == null) {
            throw new ParameterResolutionException("no fake API server is running for "
                    + context.getRequiredTestClass().getName());
        }
        return valueFor(parameter.getParameter().getType(), s, context);
    }

    @Override
    public void postProcessTestInstance(Object instance, ExtensionContext context) throws IllegalAccessException {
        FakeApiServer s = context.getStore(NS).get(KEY, FakeApiServer.class);
        if (s == null) {
            return;
        }
        for (Class<?> c = instance.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isFinal(mod) || !injectable(f.getType())) {
                    continue;
                }
                f.setAccessible(true);
                if (f.get(instance) == null) {
                    f.set(instance, valueFor(f.getType(), s, context));
                }
            }
        }
    }

    private static boolean injectable(Class<?> type) {
        return type == FakeApiServer.class || type == RestConfig.class || type == FakeClock.class
                || type == Faults.class || type == Clientset.class || type == DynamicClient.class;
    }

    private static Object valueFor(Class<?> type, FakeApiServer s, ExtensionContext context) {
        if (type == Clientset.class) {
            return context.getStore(NS).get(CLIENTS, Clients.class).clientset();
        }
        if (type == DynamicClient.class) {
            return context.getStore(NS).get(CLIENTS, Clients.class).dynamic();
        }
        if (type == RestConfig.class) {
            return s.restConfig();
        }
        if (type == FakeClock.class) {
            return s.clock();
        }
        if (type == Faults.class) {
            return s.faults();
        }
        return s;
    }

    /** The clients of one server, created on first use. */
    private static final class Clients {
        private final FakeApiServer server;
        private Clientset clientset;
        private DynamicClient dynamic;

        Clients(FakeApiServer server) {
            this.server = server;
        }

        synchronized Clientset clientset() {
            if (clientset == null) {
                clientset = Clientset.newForConfig(server.restConfig());
            }
            return clientset;
        }

        synchronized DynamicClient dynamic() {
            if (dynamic == null) {
                dynamic = DynamicClient.newForConfig(server.restConfig());
            }
            return dynamic;
        }

        synchronized void close() {
            try {
                if (clientset != null) {
                    clientset.close();
                }
            } finally {
                if (dynamic != null) {
                    dynamic.close();
                }
            }
        }
    }
}
