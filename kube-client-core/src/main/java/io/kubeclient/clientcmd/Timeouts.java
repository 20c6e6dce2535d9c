package io.kubeclient.clientcmd;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code --request-timeout} values as kubectl does (client-go's {@code ParseTimeout}). */
final class Timeouts {

    static final String INVALID = "Invalid timeout value. Timeout must be a single integer in seconds, or an integer "
            + "followed by a corresponding time unit (e.g. 1s | 2m | 3h)";

    private static final Pattern INTEGER = Pattern.compile("[+]?[0-9]+");
    private static final Pattern PART = Pattern.compile("([0-9]*(?:\\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)");
    private static final Map<String, Long> UNIT_NANOS = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L,
            "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private Timeouts() {}

    /**
     * A non-negative integer is seconds; otherwise a Go duration such as {@code 1m30s} or
     * {@code 1.5h}; {@code 0} means no timeout.
     *
     * @throws IllegalArgumentException with kubectl's message for anything else, or a negative duration
     */
    static Duration parse(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(INVALID);
        }
        if (INTEGER.matcher(value).matches()) {
            try {
                return Duration.ofSeconds(Long.parseLong(value.startsWith("+") ? value.substring(1) : value));
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException(INVALID);
            }
        }
        String s = value;
        if (s.startsWith("+")) {
            s = s.substring(1);
        } else if (s.startsWith("-")) {
            throw new IllegalArgumentException(INVALID); // a negative timeout is never useful
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException(INVALID);
        }
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher m = PART.matcher(s);
        int pos = 0;
        while (pos < s.length()) {
            if (!m.find(pos) || m.start() != pos) {
                throw new IllegalArgumentException(INVALID);
            }
            String number = m.group(1);
            if (number.isEmpty() || number.equals(".")) {
                throw new IllegalArgumentException(INVALID);
            }
            nanos = nanos.add(new BigDecimal(number.endsWith(".") ? number + "0" : number.startsWith(".") ? "0" + number : number)
                    .multiply(BigDecimal.valueOf(UNIT_NANOS.get(m.group(2)))));
            pos = m.end();
        }
        try {
            return Duration.ofNanos(nanos.longValueExact());
        } catch (ArithmeticException e) {
            try {
                return Duration.ofNanos(nanos.setScale(0, java.math.RoundingMode.DOWN).longValueExact());
            } catch (ArithmeticException overflow) {
                throw new IllegalArgumentException(INVALID);
            }
        }
    }
}
