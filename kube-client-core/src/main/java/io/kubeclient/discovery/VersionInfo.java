package io.kubeclient.discovery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The server's {@code /version} document ({@code k8s.io/apimachinery/pkg/version.Info}). Absent
 * members read as empty strings.
 *
 * @param major major version, such as {@code 1}
 * @param minor minor version, such as {@code 34} (may carry a {@code +} suffix on some providers)
 * @param emulationMajor emulated major version, empty when not emulating
 * @param emulationMinor emulated minor version, empty when not emulating
 * @param minCompatibilityMajor minimum compatibility major version
 * @param minCompatibilityMinor minimum compatibility minor version
 * @param gitVersion full version, such as {@code v1.34.1}
 * @param gitCommit source commit
 * @param gitTreeState {@code clean} or {@code dirty}
 * @param buildDate build time, RFC 3339
 * @param goVersion Go toolchain version
 * @param compiler Go compiler
 * @param platform {@code os/arch}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VersionInfo(
        String major,
        String minor,
        String emulationMajor,
        String emulationMinor,
        String minCompatibilityMajor,
        String minCompatibilityMinor,
        String gitVersion,
        String gitCommit,
        String gitTreeState,
        String buildDate,
        String goVersion,
        String compiler,
        String platform) {

    public VersionInfo {
        major = orEmpty(major);
        minor = orEmpty(minor);
        emulationMajor = orEmpty(emulationMajor);
        emulationMinor = orEmpty(emulationMinor);
        minCompatibilityMajor = orEmpty(minCompatibilityMajor);
        minCompatibilityMinor = orEmpty(minCompatibilityMinor);
        gitVersion = orEmpty(gitVersion);
        gitCommit = orEmpty(gitCommit);
        gitTreeState = orEmpty(gitTreeState);
        buildDate = orEmpty(buildDate);
        goVersion = orEmpty(goVersion);
        compiler = orEmpty(compiler);
        platform = orEmpty(platform);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The git version, as client-go's {@code Info.String()}. */
    @Override
    public String toString() {
        return gitVersion;
    }
}
