package io.kubeclient.rest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Path joining, escaping and query encoding with the exact rules of Go's {@code path} and {@code net/url}. */
final class UrlParts {

    private UrlParts() {}

    /** Go's {@code path.Join}: joins the non-empty elements with {@code /} and cleans the result; "" when all are empty. */
    static String join(String... elements) {
        StringBuilder sb = new StringBuilder();
        for (String e : elements) {
            if (e == null || e.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(e);
        }
        return sb.length() == 0 ? "" : clean(sb.toString());
    }

    /** Go's {@code path.Clean}: collapses slashes, resolves {@code .} and {@code ..}, drops a trailing slash. */
    static String clean(String path) {
        if (isClean(path, 0)) {
            return path;
        }
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        Deque<String> out = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty() && !out.peekLast().equals("..")) {
                    out.removeLast();
                } else if (!rooted) {
                    out.addLast("..");
                }
                continue;
            }
            out.addLast(part);
        }
        String joined = String.join("/", out);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /**
     * Whether {@link #clean} would return the path that starts at {@code from} in {@code s} (and runs
     * to its end) unchanged: no empty segment except a leading root, no {@code .} or {@code ..}
     * segment, no trailing slash. The common case on the request path, checked without splitting.
     */
    static boolean isClean(CharSequence s, int from) {
        int n = s.length();
        if (n == from || (n - from > 1 && s.charAt(n - 1) == '/')) {
            return false;
        }
        int start = from;
        for (int i = from; i <= n; i++) {
            if (i < n && s.charAt(i) != '/') {
                continue;
            }
            int len = i - start;
            if (len == 0 && i > from) {
                return false;
            }
            if ((len == 1 && s.charAt(start) == '.') || (len == 2 && s.charAt(start) == '.' && s.charAt(start + 1) == '.')) {
                return false;
            }
            start = i + 1;
        }
        return true;
    }

    /**
     * The problems that stop {@code name} from being a path segment, as apimachinery's
     * {@code IsValidPathSegmentName}; empty when it is fine.
     */
    static List<String> pathSegmentErrors(String name) {
        if (name.equals(".") || name.equals("..")) {
            return List.of("may not be '" + name + "'");
        }
        if (name.indexOf('/') < 0 && name.indexOf('%') < 0) {
            return List.of();
        }
        List<String> errors = new ArrayList<>(2);
        if (name.indexOf('/') >= 0) {
            errors.add("may not contain '/'");
        }
        if (name.indexOf('%') >= 0) {
            errors.add("may not contain '%'");
        }
        return errors;
    }

    /** Escapes a whole path as Go's {@code url.URL.EscapedPath} does. */
    static String escapePath(String path) {
        return escape(path, false);
    }

    /** Go's {@code url.Values.Encode}: keys sorted, values in insertion order, form escaping. */
    static String encodeQuery(Map<String, List<String>> params) {
        if (params.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<String>> e : new TreeMap<>(params).entrySet()) {
            String key = escape(e.getKey(), true);
            for (String v : e.getValue()) {
                if (sb.length() > 0) {
                    sb.append('&');
                }
                sb.append(key).append('=').append(escape(v, true));
            }
        }
        return sb.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static String escape(String s, boolean query) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        appendEscaped(sb, s, query);
        return sb.toString();
    }

    /**
     * Appends {@code s} escaped as {@link #escapePath} escapes a path ({@code query} false) or as a
     * query key or value ({@code query} true): its UTF-8 bytes, each unreserved (or, in a path,
     * allowed) one as is, every other as {@code %XX} (a space in a query as {@code +}).
     */
    static void appendEscaped(StringBuilder sb, String s, boolean query) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                // Everything before was ASCII, one byte per char: encode the rest as UTF-8 bytes.
                appendEscapedBytes(sb, s.substring(i).getBytes(StandardCharsets.UTF_8), query);
                return;
            }
            appendEscapedByte(sb, c, query);
        }
    }

    private static void appendEscapedBytes(StringBuilder sb, byte[] bytes, boolean query) {
        for (byte b : bytes) {
            appendEscapedByte(sb, b & 0xff, query);
        }
    }

    private static void appendEscapedByte(StringBuilder sb, int c, boolean query) {
        if (isUnreserved(c) || (!query && isPathAllowed(c))) {
            sb.append((char) c);
        } else if (query && c == ' ') {
            sb.append('+');
        } else {
            sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
        }
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }

    // Go leaves these reserved characters alone in a path; only '?' (and everything else) is escaped.
    private static boolean isPathAllowed(int c) {
        return c == '$' || c == '&' || c == '+' || c == ',' || c == '/' || c == ':' || c == ';'
                || c == '=' || c == '@';
    }

    /** Go's {@code time.Duration.String()}: {@code 30s}, {@code 1m30s}, {@code 1.5s}, {@code 500ms}, {@code 1h0m0s}. */
    static String goDuration(Duration d) {
        long nanos;
        try {
            nanos = d.toNanos();
        } catch (ArithmeticException overflow) {
            nanos = d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (nanos == 0) {
            return "0s";
        }
        boolean negative = nanos < 0;
        // Long.MIN_VALUE cannot be negated; work on the unsigned magnitude as Go does.
        long u = negative ? -nanos : nanos;
        StringBuilder sb = new StringBuilder();
        if (Long.compareUnsigned(u, 1_000_000_000L) < 0) {
            if (u < 1_000L) {
                sb.append(u).append("ns");
            } else if (u < 1_000_000L) {
                sb.append(fraction(u, 3)).append("\u00b5s");
            } else {
                sb.append(fraction(u, 6)).append("ms");
            }
        } else {
            long secondsPart = Long.remainderUnsigned(u, 60_000_000_000L);
            long minutesTotal = Long.divideUnsigned(u, 60_000_000_000L);
            String seconds = fraction(secondsPart, 9) + "s";
            if (minutesTotal == 0) {
                sb.append(seconds);
            } else {
                long hours = minutesTotal / 60;
                long minutes = minutesTotal % 60;
                if (hours > 0) {
                    sb.append(hours).append('h');
                }
                sb.append(minutes).append('m').append(seconds);
            }
        }
        return negative ? "-" + sb : sb.toString();
    }

    /** {@code value / 10^digits} printed with the fraction's trailing zeros (and a bare dot) removed. */
    private static String fraction(long value, int digits) {
        long scale = 1;
        for (int i = 0; i < digits; i++) {
            scale *= 10;
        }
        long whole = Long.divideUnsigned(value, scale);
        long frac = Long.remainderUnsigned(value, scale);
        if (frac == 0) {
            return Long.toUnsignedString(whole);
        }
        String f = String.format("%0" + digits + "d", frac);
        int end = f.length();
        while (end > 0 && f.charAt(end - 1) == '0') {
            end--;
        }
        return Long.toUnsignedString(whole) + "." + f.substring(0, end);
    }

    /** Go's {@code %q} for the characters a server message realistically holds. */
    static String goQuote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
