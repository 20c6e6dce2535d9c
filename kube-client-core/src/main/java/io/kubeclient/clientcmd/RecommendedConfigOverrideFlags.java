package io.kubeclient.clientcmd;

import io.kubeclient.clientcmd.api.AuthInfo;
import io.kubeclient.clientcmd.api.Cluster;
import io.kubeclient.clientcmd.api.Context;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * kubectl's connection flags and a small binder from {@code String[] args} to
 * {@link ConfigOverrides}: the Java counterpart of client-go's
 * {@code RecommendedConfigOverrideFlags} and {@code BindOverrideFlags}.
 *
 * <p>Flags ({@code prefix} prepended to each long name): {@code --kubeconfig}, {@code --context},
 * {@code --cluster}, {@code --user}, {@code -n/--namespace}, {@code -s/--server}, {@code --token},
 * {@code --insecure-skip-tls-verify}, {@code --certificate-authority}, {@code --client-certificate},
 * {@code --client-key}, {@code --tls-server-name}, {@code --proxy-url}, {@code --disable-compression},
 * {@code --username}, {@code --password}, {@code --as}, {@code --as-group} (repeatable),
 * {@code --as-uid}, {@code --request-timeout}. Values are given as {@code --flag=value} or
 * {@code --flag value}; boolean flags take no separate value. The shorthands {@code -n} and
 * {@code -s} exist only without a prefix. Everything else, and everything after {@code --}, is
 * returned untouched.
 */
public final class RecommendedConfigOverrideFlags {

    private enum Target {
        KUBECONFIG, CONTEXT, CLUSTER, USER, NAMESPACE, SERVER, TOKEN, INSECURE, CA, CLIENT_CERT, CLIENT_KEY,
        TLS_SERVER_NAME, PROXY_URL, DISABLE_COMPRESSION, USERNAME, PASSWORD, AS, AS_GROUP, AS_UID, REQUEST_TIMEOUT
    }

    private static final Map<String, Target> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("kubeconfig", Target.KUBECONFIG);
        NAMES.put("context", Target.CONTEXT);
        NAMES.put("cluster", Target.CLUSTER);
        NAMES.put("user", Target.USER);
        NAMES.put("namespace", Target.NAMESPACE);
        NAMES.put("server", Target.SERVER);
        NAMES.put("token", Target.TOKEN);
        NAMES.put("insecure-skip-tls-verify", Target.INSECURE);
        NAMES.put("certificate-authority", Target.CA);
        NAMES.put("client-certificate", Target.CLIENT_CERT);
        NAMES.put("client-key", Target.CLIENT_KEY);
        NAMES.put("tls-server-name", Target.TLS_SERVER_NAME);
        NAMES.put("proxy-url", Target.PROXY_URL);
        NAMES.put("disable-compression", Target.DISABLE_COMPRESSION);
        NAMES.put("username", Target.USERNAME);
        NAMES.put("password", Target.PASSWORD);
        NAMES.put("as", Target.AS);
        NAMES.put("as-group", Target.AS_GROUP);
        NAMES.put("as-uid", Target.AS_UID);
        NAMES.put("request-timeout", Target.REQUEST_TIMEOUT);
    }

    private final String prefix;

    private RecommendedConfigOverrideFlags(String prefix) {
        this.prefix = prefix;
    }

    /** kubectl's flags without a prefix. */
    public static RecommendedConfigOverrideFlags recommendedConfigOverrideFlags() {
        return new RecommendedConfigOverrideFlags("");
    }

    /** kubectl's flags with {@code prefix} prepended to every long name (no shorthands when non-empty). */
    public static RecommendedConfigOverrideFlags recommendedConfigOverrideFlags(String prefix) {
        return new RecommendedConfigOverrideFlags(Objects.requireNonNull(prefix, "prefix"));
    }

    /** The long flag names this binder understands, with {@code --} and the prefix. */
    public List<String> flagNames() {
        return NAMES.keySet().stream().map(n -> "--" + prefix + n).toList();
    }

    /**
     * What {@link #bind(String[])} found.
     *
     * @param overrides the overrides set by the flags
     * @param kubeconfig the {@code --kubeconfig} file, or {@code null}
     * @param remaining the arguments that are not these flags, in order
     */
    public record Bound(ConfigOverrides overrides, Path kubeconfig, List<String> remaining) {

        public Bound {
            remaining = List.copyOf(remaining);
        }

        /** Default loading rules ({@code KUBECONFIG}, {@code ~/.kube/config}) with the explicit {@code --kubeconfig}. */
        public ClientConfigLoadingRules loadingRules() {
            return ClientConfigLoadingRules.defaultRules().toBuilder().explicitPath(kubeconfig).build();
        }

        /** A deferred-loading client config over {@link #loadingRules()} and the overrides. */
        public ClientConfig clientConfig() {
            return Clientcmd.newNonInteractiveDeferredLoadingClientConfig(loadingRules(), overrides);
        }
    }

    /**
     * Takes the connection flags out of {@code args}.
     *
     * @throws IllegalArgumentException when a flag lacks its value, a boolean or timeout value is
     *     invalid; the message names the flag and never echoes a credential
     */
    public Bound bind(String... args) {
        State s = new State();
        List<String> remaining = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                remaining.addAll(Arrays.asList(args).subList(i + 1, args.length));
                break;
            }
            String name;
            String value = null;
            String shown;
            if (arg.startsWith("--")) {
                String body = arg.substring(2);
                int eq = body.indexOf('=');
                name = eq >= 0 ? body.substring(0, eq) : body;
                value = eq >= 0 ? body.substring(eq + 1) : null;
                if (!name.startsWith(prefix) || !NAMES.containsKey(name.substring(prefix.length()))) {
                    remaining.add(arg);
                    continue;
                }
                shown = "--" + name;
                name = name.substring(prefix.length());
            } else if (prefix.isEmpty() && arg.length() >= 2 && arg.charAt(0) == '-' && (arg.charAt(1) == 'n' || arg.charAt(1) == 's')) {
                name = arg.charAt(1) == 'n' ? "namespace" : "server";
                shown = "-" + arg.charAt(1);
                if (arg.length() > 2) {
                    value = arg.charAt(2) == '=' ? arg.substring(3) : arg.substring(2);
                }
            } else {
                remaining.add(arg);
                continue;
            }
            Target target = NAMES.get(name);
            boolean isBool = target == Target.INSECURE || target == Target.DISABLE_COMPRESSION;
            if (isBool) {
                s.set(target, value == null ? "true" : value, shown);
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("flag needs an argument: " + shown);
                }
                value = args[++i];
            }
            s.set(target, value, shown);
        }
        return new Bound(s.overrides(), s.kubeconfig, remaining);
    }

    private static final class State {
        final Cluster.Builder cluster = Cluster.builder();
        final AuthInfo.Builder user = AuthInfo.builder();
        final List<String> groups = new ArrayList<>();
        String ctxCluster = "";
        String ctxUser = "";
        String namespace = "";
        String currentContext = "";
        String timeout = "0";
        Path kubeconfig;

        void set(Target t, String v, String shown) {
            switch (t) {
                case KUBECONFIG -> kubeconfig = v.isEmpty() ? null : Path.of(v);
                case CONTEXT -> currentContext = v;
                case CLUSTER -> ctxCluster = v;
                case USER -> ctxUser = v;
                case NAMESPACE -> namespace = removeNamespacesPrefix(v);
                case SERVER -> cluster.server(v);
                case TOKEN -> user.token(v);
                case INSECURE -> cluster.insecureSkipTlsVerify(parseBool(v, shown));
                case CA -> cluster.certificateAuthority(v);
                case CLIENT_CERT -> user.clientCertificate(v);
                case CLIENT_KEY -> user.clientKey(v);
                case TLS_SERVER_NAME -> cluster.tlsServerName(v);
                case PROXY_URL -> cluster.proxyUrl(v);
                case DISABLE_COMPRESSION -> cluster.disableCompression(parseBool(v, shown));
                case USERNAME -> user.username(v);
                case PASSWORD -> user.password(v);
                case AS -> user.impersonate(v);
                case AS_GROUP -> groups.add(v);
                case AS_UID -> user.impersonateUid(v);
                case REQUEST_TIMEOUT -> {
                    try {
                        Timeouts.parse(v);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("invalid argument for " + shown + ": " + e.getMessage());
                    }
                    timeout = v;
                }
                default -> throw new IllegalStateException(t.name());
            }
        }

        ConfigOverrides overrides() {
            return ConfigOverrides.builder()
                    .clusterInfo(cluster.build())
                    .authInfo(user.impersonateGroups(groups).build())
                    .context(Context.of(ctxCluster, ctxUser, namespace))
                    .currentContext(currentContext)
                    .timeout(timeout)
                    .build();
        }
    }

    /** kubectl strips {@code namespaces/}, {@code namespace/} and {@code ns/} (any case) from {@code -n}. */
    static String removeNamespacesPrefix(String v) {
        String lower = v.toLowerCase(Locale.ROOT);
        for (String p : List.of("namespaces/", "namespace/", "ns/")) {
            if (lower.startsWith(p)) {
                return v.substring(p.length());
            }
        }
        return v;
    }

    private static boolean parseBool(String v, String shown) {
        return switch (v) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw new IllegalArgumentException("invalid argument \"" + v + "\" for \"" + shown
                    + "\" flag: strconv.ParseBool: parsing \"" + v + "\": invalid syntax");
        };
    }
}
