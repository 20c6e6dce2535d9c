package io.kubeclient.clientcmd;

import io.kubeclient.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The selected context, cluster or user cannot be used: client-go's
 * {@code errConfigurationInvalid}. Lists every problem found, each naming the file and setting.
 */
public final class ConfigurationInvalidException extends ConfigException {

    private static final long serialVersionUID = 1L;

    /** client-go's {@code ErrEmptyConfig} message. */
    public static final String EMPTY_CONFIG_MESSAGE =
            "no configuration has been provided, try setting KUBERNETES_MASTER environment variable";

    private final transient List<Problem> problems;
    private final boolean emptyConfig;
    private final boolean contextNotFound;

    ConfigurationInvalidException(List<Problem> problems, boolean emptyConfig, boolean contextNotFound) {
        super(message(problems), commonFile(problems), problems.size() == 1 ? problems.get(0).field() : null, null);
        this.problems = List.copyOf(problems);
        this.emptyConfig = emptyConfig;
        this.contextNotFound = contextNotFound;
    }

    static ConfigurationInvalidException emptyConfig() {
        return new ConfigurationInvalidException(List.of(new Problem(EMPTY_CONFIG_MESSAGE, null, null)), true, false);
    }

    /** Every problem found. */
    public List<Problem> problems() {
        return problems;
    }

    /** Whether nothing at all was configured (client-go's {@code IsEmptyConfig}). */
    public boolean isEmptyConfig() {
        return emptyConfig;
    }

    /** Whether the current context names a context that does not exist ({@code IsContextNotFound}). */
    public boolean isContextNotFound() {
        return contextNotFound;
    }

    /**
     * One validation problem.
     *
     * @param message what is wrong, client-go's wording
     * @param file the file that defined the entry, or {@code null}
     * @param field the setting, for example {@code clusters[prod].server}, or {@code null}
     */
    public record Problem(String message, Path file, String field) {
        public Problem {
            Objects.requireNonNull(message, "message");
        }
    }

    private static String message(List<Problem> problems) {
        if (problems.size() == 1) {
            return "invalid configuration: " + problems.get(0).message();
        }
        return problems.stream()
                .map(p -> p.message() + (p.field() == null ? "" : " (field " + p.field()
                        + (p.file() == null ? "" : " in " + p.file()) + ")"))
                .collect(Collectors.joining(", ", "invalid configuration: [", "]"));
    }

    private static Path commonFile(List<Problem> problems) {
        Path first = problems.get(0).file();
        for (Problem p : problems) {
            if (!Objects.equals(first, p.file())) {
                return null;
            }
        }
        return first;
    }
}
