package io.kubeclient.clientcmd.api;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A kubeconfig user ({@code users[].user}): credentials and impersonation. Immutable; see
 * {@link #toBuilder()}. {@link #toString()} never prints a secret.
 */
public final class AuthInfo {

    /** An empty user. */
    public static final AuthInfo EMPTY = builder().build();

    private final String clientCertificate;
    private final byte[] clientCertificateData;
    private final String clientKey;
    private final byte[] clientKeyData;
    private final String token;
    private final String tokenFile;
    private final String impersonate;
    private final String impersonateUid;
    private final List<String> impersonateGroups;
    private final Map<String, List<String>> impersonateUserExtra;
    private final String username;
    private final String password;
    private final AuthProviderConfig authProvider;
    private final ExecConfig exec;
    private final Map<String, Object> extensions;
    private final Path locationOfOrigin;

    private AuthInfo(Builder b) {
        clientCertificate = Immutables.str(b.clientCertificate);
        clientCertificateData = Immutables.bytes(b.clientCertificateData);
        clientKey = Immutables.str(b.clientKey);
        clientKeyData = Immutables.bytes(b.clientKeyData);
        token = Immutables.str(b.token);
        tokenFile = Immutables.str(b.tokenFile);
        impersonate = Immutables.str(b.impersonate);
        impersonateUid = Immutables.str(b.impersonateUid);
        impersonateGroups = Immutables.list(b.impersonateGroups);
        impersonateUserExtra = Immutables.multimap(b.impersonateUserExtra);
        username = Immutables.str(b.username);
        password = Immutables.str(b.password);
        authProvider = b.authProvider;
        exec = b.exec;
        extensions = Immutables.map(b.extensions);
        locationOfOrigin = b.locationOfOrigin;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** {@code client-certificate}: path of a PEM client certificate. */
    public String clientCertificate() {
        return clientCertificate;
    }

    /** {@code client-certificate-data} (a copy), or {@code null}. */
    public byte[] clientCertificateData() {
        return Immutables.bytes(clientCertificateData);
    }

    /** {@code client-key}: path of a PEM private key. */
    public String clientKey() {
        return clientKey;
    }

    /** {@code client-key-data} (a copy), or {@code null}. */
    public byte[] clientKeyData() {
        return Immutables.bytes(clientKeyData);
    }

    /** {@code token}: a bearer token. */
    public String token() {
        return token;
    }

    /** {@code tokenFile}: path of a file holding a bearer token. */
    public String tokenFile() {
        return tokenFile;
    }

    /** {@code as}: the user to impersonate. */
    public String impersonate() {
        return impersonate;
    }

    /** {@code as-uid}. */
    public String impersonateUid() {
        return impersonateUid;
    }

    /** {@code as-groups}. */
    public List<String> impersonateGroups() {
        return impersonateGroups;
    }

    /** {@code as-user-extra}. */
    public Map<String, List<String>> impersonateUserExtra() {
        return impersonateUserExtra;
    }

    /** {@code username} for basic auth. */
    public String username() {
        return username;
    }

    /** {@code password} for basic auth. */
    public String password() {
        return password;
    }

    /** {@code auth-provider}, or {@code null}. */
    public AuthProviderConfig authProvider() {
        return authProvider;
    }

    /** {@code exec}, or {@code null}. */
    public ExecConfig exec() {
        return exec;
    }

    /** {@code extensions}, by name. */
    public Map<String, Object> extensions() {
        return extensions;
    }

    /** The file this entry was loaded from, or {@code null}; never written. */
    public Path locationOfOrigin() {
        return locationOfOrigin;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthInfo a && clientCertificate.equals(a.clientCertificate)
                && Arrays.equals(clientCertificateData, a.clientCertificateData) && clientKey.equals(a.clientKey)
                && Arrays.equals(clientKeyData, a.clientKeyData) && token.equals(a.token) && tokenFile.equals(a.tokenFile)
                && impersonate.equals(a.impersonate) && impersonateUid.equals(a.impersonateUid)
                && impersonateGroups.equals(a.impersonateGroups) && impersonateUserExtra.equals(a.impersonateUserExtra)
                && username.equals(a.username) && password.equals(a.password)
                && Objects.equals(authProvider, a.authProvider) && Objects.equals(exec, a.exec)
                && extensions.equals(a.extensions) && Objects.equals(locationOfOrigin, a.locationOfOrigin);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clientCertificate, clientKey, tokenFile, impersonate, username);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("AuthInfo{");
        String sep = "";
        if (!clientCertificate.isEmpty()) {
            sb.append("clientCertificate=").append(clientCertificate);
            sep = ", ";
        }
        if (clientCertificateData != null) {
            sb.append(sep).append("clientCertificateData=--- TRUNCATED ---");
            sep = ", ";
        }
        if (!clientKey.isEmpty()) {
            sb.append(sep).append("clientKey=").append(clientKey);
            sep = ", ";
        }
        if (clientKeyData != null) {
            sb.append(sep).append("clientKeyData=--- REDACTED ---");
            sep = ", ";
        }
        if (!token.isEmpty()) {
            sb.append(sep).append("token=--- REDACTED ---");
            sep = ", ";
        }
        if (!tokenFile.isEmpty()) {
            sb.append(sep).append("tokenFile=").append(tokenFile);
            sep = ", ";
        }
        if (!impersonate.isEmpty()) {
            sb.append(sep).append("as=").append(impersonate);
            sep = ", ";
        }
        if (!username.isEmpty()) {
            sb.append(sep).append("username=").append(username);
            sep = ", ";
        }
        if (!password.isEmpty()) {
            sb.append(sep).append("password=--- REDACTED ---");
            sep = ", ";
        }
        if (authProvider != null) {
            sb.append(sep).append("authProvider=").append(authProvider.name());
            sep = ", ";
        }
        if (exec != null) {
            sb.append(sep).append("exec=").append(exec.command());
        }
        return sb.append('}').toString();
    }

    /** Builds an {@link AuthInfo}. */
    public static final class Builder {
        private String clientCertificate;
        private byte[] clientCertificateData;
        private String clientKey;
        private byte[] clientKeyData;
        private String token;
        private String tokenFile;
        private String impersonate;
        private String impersonateUid;
        private List<String> impersonateGroups;
        private Map<String, List<String>> impersonateUserExtra;
        private String username;
        private String password;
        private AuthProviderConfig authProvider;
        private ExecConfig exec;
        private Map<String, Object> extensions;
        private Path locationOfOrigin;

        private Builder() {}

        private Builder(AuthInfo a) {
            clientCertificate = a.clientCertificate;
            clientCertificateData = a.clientCertificateData;
            clientKey = a.clientKey;
            clientKeyData = a.clientKeyData;
            token = a.token;
            tokenFile = a.tokenFile;
            impersonate = a.impersonate;
            impersonateUid = a.impersonateUid;
            impersonateGroups = a.impersonateGroups;
            impersonateUserExtra = a.impersonateUserExtra;
            username = a.username;
            password = a.password;
            authProvider = a.authProvider;
            exec = a.exec;
            extensions = a.extensions;
            locationOfOrigin = a.locationOfOrigin;
        }

        public Builder clientCertificate(String v) {
            clientCertificate = v;
            return this;
        }

        public Builder clientCertificateData(byte[] v) {
            clientCertificateData = Immutables.bytes(v);
            return this;
        }

        public Builder clientKey(String v) {
            clientKey = v;
            return this;
        }

        public Builder clientKeyData(byte[] v) {
            clientKeyData = Immutables.bytes(v);
            return this;
        }

        public Builder token(String v) {
            token = v;
            return this;
        }

        public Builder tokenFile(String v) {
            tokenFile = v;
            return this;
        }

        public Builder impersonate(String v) {
            impersonate = v;
            return this;
        }

        public Builder impersonateUid(String v) {
            impersonateUid = v;
            return this;
        }

        public Builder impersonateGroups(List<String> v) {
            impersonateGroups = v;
            return this;
        }

        public Builder impersonateUserExtra(Map<String, List<String>> v) {
            impersonateUserExtra = v;
            return this;
        }

        public Builder username(String v) {
            username = v;
            return this;
        }

        public Builder password(String v) {
            password = v;
            return this;
        }

        public Builder authProvider(AuthProviderConfig v) {
            authProvider = v;
            return this;
        }

        public Builder exec(ExecConfig v) {
            exec = v;
            return this;
        }

        public Builder extensions(Map<String, Object> v) {
            extensions = v;
            return this;
        }

        public Builder locationOfOrigin(Path v) {
            locationOfOrigin = v;
            return this;
        }

        public AuthInfo build() {
            return new AuthInfo(this);
        }
    }
}
