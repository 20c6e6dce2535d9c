package io.kubeclient;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Configuration that cannot be used: a malformed kubeconfig, a missing file, bad PEM or base64,
 * contradictory settings. Names the file and the field at fault when they are known, and never
 * contains a credential.
 */
public class ConfigException extends KubeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String field;

    public ConfigException(String message) {
        this(message, null, null, null);
    }

    public ConfigException(String message, Throwable cause) {
        this(message, null, null, cause);
    }

    /**
     * @param message what is wrong and what to do; the file and field are appended
     * @param file the file at fault, or {@code null}
     * @param field the setting at fault (for example {@code users[alice].client-key-data}), or {@code null}
     * @param cause the underlying error, or {@code null}
     */
    public ConfigException(String message, Path file, String field, Throwable cause) {
        super(describe(message, file, field), cause);
        this.file = file;
        this.field = field;
    }

    /** The file at fault, if known. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The setting at fault, if known. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    private static String describe(String message, Path file, String field) {
        StringBuilder sb = new StringBuilder(message);
        if (field != null) {
            sb.append(" (field ").append(field);
            if (file != null) {
                sb.append(" in ").append(file);
            }
            sb.append(')');
        } else if (file != null) {
            sb.append(" (in ").append(file).append(')');
        }
        return sb.toString();
    }
}
