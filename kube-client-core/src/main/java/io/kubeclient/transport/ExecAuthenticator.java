package io.kubeclient.transport;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs an exec credential plugin ({@code client.authentication.k8s.io/v1} or {@code v1beta1})
 * and supplies its credentials: a bearer token through {@link #wrap}, a client certificate as a
 * {@link ClientCertificateSource} for the TLS layer.
 *
 * <p>Credentials are cached until shortly before their {@code expirationTimestamp} (forever
 * without one). Only one plugin run happens at a time; concurrent requests wait for it and share
 * its result. A 401 answer invalidates the credentials the request used, runs the plugin again
 * and retries the request once when its body can be repeated. Runs are bounded in time and the
 * process is killed when they overrun. The plugin's standard error goes to the log (or to the
 * terminal for interactive runs), never into exceptions. Thread safe.
 */
public final class ExecAuthenticator implements ClientCertificateSource {

    private static final Logger log = LoggerFactory.getLogger(ExecAuthenticator.class);
    private static final int MAX_OUTPUT = 4 << 20;
    private static final int MAX_STDERR_LOGGED = 16 << 10;

    /** The API versions a plugin may speak. */
    static final List<String> API_VERSIONS =
            List.of("client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1");

    private final ExecConfig config;
    private final Cluster cluster;
    private final Duration timeout;
    private final Duration refreshSkew;
    private final Clock clock;
    private final Map<String, String> environment;
    private final BooleanSupplier stdinIsTerminal;
    private final ExecPluginListener listener;
    private final ReentrantLock runLock = new ReentrantLock();
    private final AtomicLong generation = new AtomicLong();
    private volatile Credentials cached;

    private ExecAuthenticator(Builder b) {
        this.config = b.config;
        this.cluster = b.cluster;
        this.timeout = b.timeout;
        this.refreshSkew = b.refreshSkew;
        this.clock = b.clock;
        this.environment = b.environment;
        this.stdinIsTerminal = b.stdinIsTerminal;
        this.listener = b.listener;
        if (!API_VERSIONS.contains(config.apiVersion())) {
            throw new io.kubeclient.ConfigException("exec plugin: invalid apiVersion \"" + config.apiVersion() + "\"",
                    null, "exec.apiVersion", null);
        }
    }

    /**
     * Starts building an authenticator for a plugin.
     *
     * @throws io.kubeclient.ConfigException from {@link Builder#build()} for an unknown apiVersion
     */
    public static Builder builder(ExecConfig config) {
        return new Builder(config);
    }

    /** The cluster as passed to a plugin with {@code provideClusterInfo}. */
    public record Cluster(String server, String tlsServerName, boolean insecureSkipTlsVerify,
            byte[] certificateAuthorityData, String proxyUrl, boolean disableCompression, Object config) {

        @Override
        public String toString() {
            return "Cluster[server=" + server + "]";
        }
    }

    /** Credentials from one plugin run. */
    record Credentials(String token, ClientCertificate certificate, Instant expiry, Instant obtained) {
        @Override
        public String toString() {
            return "Credentials[token=" + (token == null ? "none" : "--- REDACTED ---") + ", cert=" + certificate
                    + ", expiry=" + expiry + "]";
        }
    }

    /**
     * Wraps a transport so that requests carry the plugin's bearer token (requests with their own
     * {@code Authorization} bypass the plugin) and a 401 answer triggers one refresh and retry.
     */
    public HttpTransport wrap(HttpTransport next) {
        Objects.requireNonNull(next, "next");
        return new HttpTransport() {
            @Override
            public TransportResponse send(TransportRequest request) throws IOException, InterruptedException {
                return sendWithCredentials(next, request);
            }

            @Override
            public void close() {
                next.close();
            }
        };
    }

    private TransportResponse sendWithCredentials(HttpTransport next, TransportRequest request)
            throws IOException, InterruptedException {
        if (request.hasHeader("Authorization")) {
            return next.send(request);
        }
        Credentials used = credentials();
        TransportResponse response = next.send(authorize(request, used));
        if (response.statusCode() != 401) {
            return response;
        }
        Credentials fresh;
        try {
            fresh = refreshAfterUnauthorized(used);
        } catch (ExecPluginException e) {
            log.warn("exec plugin {} could not refresh credentials after a 401: {}", config.command(), e.getMessage());
            return response;
        } catch (InterruptedException e) {
            response.close();
            throw e;
        }
        TransportRequest.Body body = request.body();
        if (body != null && !body.repeatable()) {
            return response;
        }
        response.close();
        log.debug("retrying {} with refreshed exec plugin credentials after 401", request);
        return next.send(authorize(request, fresh));
    }

    private static TransportRequest authorize(TransportRequest request, Credentials c) {
        if (c.token() == null || c.token().isEmpty()) {
            return request;
        }
        return request.withHeader("Authorization", "Bearer " + c.token());
    }

    /** The current credentials, running the plugin if there are none or they are about to expire. */
    Credentials credentials() throws InterruptedException {
        Credentials c = cached;
        if (fresh(c)) {
            return c;
        }
        runLock.lockInterruptibly();
        try {
            c = cached;
            if (fresh(c)) {
                return c;
            }
            return install(run());
        } finally {
            runLock.unlock();
        }
    }

    /** After a 401 with {@code used}: refreshes unless another request already did. */
    Credentials refreshAfterUnauthorized(Credentials used) throws InterruptedException {
        runLock.lockInterruptibly();
        try {
            Credentials c = cached;
            if (c != null && c != used) {
                return c;
            }
            log.debug("exec plugin {} credentials were rejected with 401; running it again", config.command());
            return install(run());
        } finally {
            runLock.unlock();
        }
    }

    private Credentials install(Credentials c) {
        Credentials old = cached;
        cached = c;
        if (c.certificate() != null && (old == null || old.certificate() == null
                || !old.certificate().leaf().equals(c.certificate().leaf()))) {
            generation.incrementAndGet();
            listener.clientCertificateRotated(config.command(), c.certificate().leaf().getNotAfter().toInstant());
        }
        return c;
    }

    private boolean fresh(Credentials c) {
        if (c == null) {
            return false;
        }
        if (c.expiry() == null) {
            return true;
        }
        Duration lifetime = Duration.between(c.obtained(), c.expiry());
        Duration skew = lifetime.dividedBy(2).compareTo(refreshSkew) < 0 ? lifetime.dividedBy(2) : refreshSkew;
        return clock.instant().isBefore(c.expiry().minus(skew));
    }

    /**
     * The certificate of the cached credentials. Never runs the plugin: handshakes happen on the
     * HTTP client's own threads, and {@link #wrap} fetches credentials before each request.
     */
    @Override
    public ClientCertificate current() {
        Credentials c = cached;
        return c == null ? null : c.certificate();
    }

    @Override
    public long generation() {
        return generation.get();
    }

    private Credentials run() throws InterruptedException {
        long start = System.nanoTime();
        ExecPluginListener.Outcome outcome = ExecPluginListener.Outcome.PLUGIN_EXECUTION_ERROR;
        int exitCode = -1;
        try {
            boolean interactive = interactive();
            List<String> command = new ArrayList<>();
            command.add(config.command());
            command.addAll(config.args());
            ProcessBuilder pb = new ProcessBuilder(command);
            Map<String, String> env = pb.environment();
            env.clear();
            env.putAll(environment);
            for (ExecConfig.EnvVar v : config.env()) {
                env.put(v.name(), v.value());
            }
            env.put("KUBERNETES_EXEC_INFO", execInfo(interactive));
            pb.redirectInput(interactive ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.from(nullFile()));
            pb.redirectError(interactive ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.PIPE);
            Process process;
            try {
                process = pb.start();
            } catch (IOException e) {
                if (notFound(e)) {
                    outcome = ExecPluginListener.Outcome.PLUGIN_NOT_FOUND;
                    throw new ExecPluginException(notFoundMessage());
                }
                throw new ExecPluginException("getting credentials: exec: executable " + config.command()
                        + " could not be started: " + e.getClass().getSimpleName());
            }
            CompletableFuture<byte[]> stdout = readAsync(process.getInputStream(), MAX_OUTPUT, "stdout");
            CompletableFuture<byte[]> stderr = interactive ? CompletableFuture.completedFuture(new byte[0])
                    : readAsync(process.getErrorStream(), MAX_STDERR_LOGGED, "stderr");
            boolean finished;
            try {
                finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                kill(process);
                throw e;
            }
            if (!finished) {
                kill(process);
                logStderr(stderr, true);
                throw new ExecPluginException("getting credentials: exec: executable " + config.command()
                        + " did not finish within " + timeout.toSeconds() + "s and was killed");
            }
            exitCode = process.exitValue();
            logStderr(stderr, exitCode != 0);
            if (exitCode != 0) {
                throw new ExecPluginException("getting credentials: exec: executable " + config.command()
                        + " failed with exit code " + exitCode);
            }
            byte[] out;
            try {
                out = stdout.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new ExecPluginException("getting credentials: exec: reading the output of " + config.command()
                        + " failed: " + e.getClass().getSimpleName());
            }
            outcome = ExecPluginListener.Outcome.CLIENT_INTERNAL_ERROR;
            Credentials c = parse(out);
            outcome = ExecPluginListener.Outcome.SUCCESS;
            return c;
        } finally {
            listener.pluginCalled(config.command(), outcome, exitCode, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private boolean interactive() {
        switch (config.interactiveMode()) {
            case NEVER:
                return false;
            case ALWAYS:
                if (!stdinIsTerminal.getAsBoolean()) {
                    throw new ExecPluginException("getting credentials: exec plugin " + config.command()
                            + " has interactiveMode Always but standard input is not a terminal");
                }
                return true;
            default:
                return stdinIsTerminal.getAsBoolean();
        }
    }

    private static File nullFile() {
        return new File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private boolean notFound(IOException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("error=2,") || m.contains("No such file")) {
            return true;
        }
        Path p = Path.of(config.command());
        return p.isAbsolute() && !Files.exists(p);
    }

    private String notFoundMessage() {
        StringBuilder sb = new StringBuilder("getting credentials: exec: executable ").append(config.command())
                .append(" not found. This is a client credential plugin that must be installed separately");
        if (!config.installHint().isEmpty()) {
            sb.append(":\n\n").append(config.installHint());
        } else {
            sb.append('.');
        }
        return sb.toString();
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void logStderr(CompletableFuture<byte[]> stderr, boolean failed) {
        byte[] err;
        try {
            err = stderr.get(1, TimeUnit.SECONDS);
        } catch (Exception e) {
            return;
        }
        if (err.length == 0) {
            return;
        }
        String text = new String(err, StandardCharsets.UTF_8).strip();
        if (failed) {
            log.warn("exec plugin {} wrote to standard error: {}", config.command(), text);
        } else {
            log.debug("exec plugin {} wrote to standard error: {}", config.command(), text);
        }
    }

    private static CompletableFuture<byte[]> readAsync(InputStream in, int limit, String what) {
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (in) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    if (out.size() < limit) {
                        out.write(buf, 0, Math.min(n, limit - out.size()));
                    }
                }
                f.complete(out.toByteArray());
            } catch (IOException e) {
                f.completeExceptionally(e);
            }
        }, "kube-client-exec-" + what);
        t.setDaemon(true);
        t.start();
        return f;
    }

    /** The {@code KUBERNETES_EXEC_INFO} value: an ExecCredential with only a spec. */
    String execInfo(boolean interactive) {
        Map<String, Object> spec = new LinkedHashMap<>();
        if (config.provideClusterInfo() && cluster != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("server", cluster.server() == null ? "" : cluster.server());
            if (cluster.tlsServerName() != null && !cluster.tlsServerName().isEmpty()) {
                c.put("tls-server-name", cluster.tlsServerName());
            }
            if (cluster.insecureSkipTlsVerify()) {
                c.put("insecure-skip-tls-verify", true);
            }
            if (cluster.certificateAuthorityData() != null && cluster.certificateAuthorityData().length > 0) {
                c.put("certificate-authority-data", Base64.getEncoder().encodeToString(cluster.certificateAuthorityData()));
            }
            if (cluster.proxyUrl() != null && !cluster.proxyUrl().isEmpty()) {
                c.put("proxy-url", cluster.proxyUrl());
            }
            if (cluster.disableCompression()) {
                c.put("disable-compression", true);
            }
            Object ext = cluster.config() != null ? cluster.config() : config.clusterExtension();
            if (ext != null) {
                c.put("config", ext);
            }
            spec.put("cluster", c);
        }
        spec.put("interactive", interactive);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("kind", "ExecCredential");
        root.put("apiVersion", config.apiVersion());
        root.put("spec", spec);
        return Json.MAPPER.writeValueAsString(root);
    }

    /** Parses and validates a plugin's output. Messages never quote the output. */
    Credentials parse(byte[] output) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(output);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new ExecPluginException("getting credentials: decoding stdout of " + config.command()
                    + ": not a valid JSON ExecCredential" + where);
        }
        if (root == null || !root.isObject()) {
            throw new ExecPluginException("getting credentials: decoding stdout of " + config.command()
                    + ": not a JSON object");
        }
        String apiVersion = text(root, "apiVersion");
        if (!config.apiVersion().equals(apiVersion)) {
            throw new ExecPluginException("getting credentials: exec plugin is configured to use API version "
                    + config.apiVersion() + ", plugin returned version " + safe(apiVersion));
        }
        String kind = text(root, "kind");
        if (!"ExecCredential".equals(kind)) {
            throw new ExecPluginException("getting credentials: exec plugin returned kind " + safe(kind)
                    + ", want ExecCredential");
        }
        JsonNode status = root.get("status");
        if (status == null || status.isNull()) {
            throw new ExecPluginException("getting credentials: exec plugin didn't return a status field");
        }
        if (!status.isObject()) {
            throw new ExecPluginException("getting credentials: exec plugin returned a status that is not an object");
        }
        String token = text(status, "token");
        String certPem = text(status, "clientCertificateData");
        String keyPem = text(status, "clientKeyData");
        boolean hasCert = certPem != null && !certPem.isEmpty();
        boolean hasKey = keyPem != null && !keyPem.isEmpty();
        if ((token == null || token.isEmpty()) && !hasCert && !hasKey) {
            throw new ExecPluginException("getting credentials: exec plugin didn't return a token or cert/key pair");
        }
        if (hasCert != hasKey) {
            throw new ExecPluginException("getting credentials: exec plugin returned only certificate or key, not both");
        }
        ClientCertificate certificate = null;
        if (hasCert) {
            try {
                var chain = Pem.certificates(certPem.getBytes(StandardCharsets.UTF_8));
                byte[] keyBytes = keyPem.getBytes(StandardCharsets.UTF_8);
                var key = Pem.privateKey(keyBytes);
                if (!Pem.matches(keyBytes, key, chain.get(0))) {
                    throw new ExecPluginException("getting credentials: exec plugin returned a key that does not match its certificate");
                }
                certificate = new ClientCertificate(chain, key);
            } catch (Pem.PemException e) {
                throw new ExecPluginException("getting credentials: exec plugin returned an unusable certificate or key: "
                        + e.getMessage());
            }
        }
        Instant expiry = null;
        String exp = text(status, "expirationTimestamp");
        if (exp != null && !exp.isEmpty()) {
            try {
                expiry = OffsetDateTime.parse(exp).toInstant();
            } catch (DateTimeParseException e) {
                throw new ExecPluginException("getting credentials: exec plugin returned an invalid expirationTimestamp "
                        + safe(exp));
            }
        }
        return new Credentials(token == null || token.isEmpty() ? null : token, certificate, expiry, clock.instant());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.isString() ? v.stringValue() : v.toString();
    }

    /** Quotes a short, non-secret field of the output, cut to a bounded length. */
    private static String safe(String s) {
        if (s == null) {
            return "\"\"";
        }
        String t = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return "\"" + t.replaceAll("[^\\x20-\\x7e]", "?") + "\"";
    }

    @Override
    public String toString() {
        return "ExecAuthenticator{" + config + "}";
    }

    /**
     * The mapper for the plugin's input and output, created when a plugin first runs (the first
     * request): building it with the authenticator, which an application creates at start, loaded
     * and initialised Jackson databind there, about 90 ms of a fresh JVM's main thread.
     */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder().build();
    }

    /** Builds an {@link ExecAuthenticator}. */
    public static final class Builder {
        private final ExecConfig config;
        private Cluster cluster;
        private Duration timeout = Duration.ofSeconds(60);
        private Duration refreshSkew = Duration.ofSeconds(10);
        private Clock clock = Clock.systemUTC();
        private Map<String, String> environment = System.getenv();
        private BooleanSupplier stdinIsTerminal = () -> System.console() != null;
        private ExecPluginListener listener;

        private Builder(ExecConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** The cluster passed to the plugin when {@code provideClusterInfo} is set. */
        public Builder cluster(Cluster cluster) {
            this.cluster = cluster;
            return this;
        }

        /** The longest a plugin may run before it is killed; defaults to 60 seconds. */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** How long before expiry credentials are refreshed; defaults to 10 seconds. */
        public Builder refreshSkew(Duration refreshSkew) {
            this.refreshSkew = Objects.requireNonNull(refreshSkew, "refreshSkew");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The base environment of the plugin process; defaults to this process's. */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /** Whether standard input is a terminal the plugin may use; defaults to {@code System.console() != null}. */
        public Builder stdinIsTerminal(BooleanSupplier stdinIsTerminal) {
            this.stdinIsTerminal = Objects.requireNonNull(stdinIsTerminal, "stdinIsTerminal");
            return this;
        }

        /** Metrics hooks; defaults to the {@linkplain ExecPluginListener#registered() registered} listener. */
        public Builder listener(ExecPluginListener listener) {
            this.listener = listener;
            return this;
        }

        public ExecAuthenticator build() {
            if (listener == null) {
                // Resolved per call, so a listener registered later (by Spring) is still seen.
                listener = new ExecPluginListener() {
                    @Override
                    public void pluginCalled(String command, Outcome outcome, int exitCode, Duration duration) {
                        ExecPluginListener.registered().pluginCalled(command, outcome, exitCode, duration);
                    }

                    @Override
                    public void clientCertificateRotated(String command, Instant notAfter) {
                        ExecPluginListener.registered().clientCertificateRotated(command, notAfter);
                    }
                };
            }
            return new ExecAuthenticator(this);
        }
    }
}
