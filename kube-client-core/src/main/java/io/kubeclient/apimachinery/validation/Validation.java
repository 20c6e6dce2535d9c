package io.kubeclient.apimachinery.validation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Kubernetes name and label syntax checks, as apimachinery's {@code util/validation}: each method returns the list of
 * problems (empty when the value is valid), worded like the API server's messages.
 *
 * <p>A {@code null} value is checked as the empty string. Lengths are counted in UTF-8 bytes, as Kubernetes does.
 */
public final class Validation {

    /** Maximum length in bytes of a label value and of the name part of a qualified name. */
    public static final int LABEL_VALUE_MAX_LENGTH = 63;
    /** Maximum length in bytes of the name part of a qualified name (label or annotation key). */
    public static final int QUALIFIED_NAME_MAX_LENGTH = 63;
    /** Maximum length in bytes of a DNS-1123 label. */
    public static final int DNS1123_LABEL_MAX_LENGTH = 63;
    /** Maximum length in bytes of a DNS-1123 subdomain. */
    public static final int DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
    /** Maximum length in bytes of a DNS-1035 label. */
    public static final int DNS1035_LABEL_MAX_LENGTH = 63;

    static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";
    static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    static final String DNS1123_SUBDOMAIN_FMT = DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
    static final String DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";

    private static final Pattern QUALIFIED_NAME = Pattern.compile(QUALIFIED_NAME_FMT);
    private static final Pattern LABEL_VALUE = Pattern.compile(LABEL_VALUE_FMT);
    private static final Pattern DNS1123_LABEL = Pattern.compile(DNS1123_LABEL_FMT);
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(DNS1123_SUBDOMAIN_FMT);
    private static final Pattern DNS1035_LABEL = Pattern.compile(DNS1035_LABEL_FMT);

    private static final String QUALIFIED_NAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', "
            + "and must start and end with an alphanumeric character";
    private static final String LABEL_VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric "
            + "characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private static final String DNS1123_LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case "
            + "alphanumeric characters or '-', and must start and end with an alphanumeric character";
    private static final String DNS1123_SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case "
            + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    private static final String DNS1035_LABEL_MSG = "a DNS-1035 label must consist of lower case alphanumeric "
            + "characters or '-', start with an alphabetic character, and end with an alphanumeric character";

    private Validation() {
    }

    /**
     * Checks a qualified name such as a label or annotation key: an optional DNS-1123 subdomain prefix and {@code /},
     * then a name of 1 to 63 bytes of alphanumerics, {@code -}, {@code _} and {@code .}, starting and ending with an
     * alphanumeric.
     */
    public static List<String> isQualifiedName(String value) {
        String v = value == null ? "" : value;
        List<String> errs = new ArrayList<>();
        String name;
        int slash = v.indexOf('/');
        if (slash < 0) {
            name = v;
        } else if (v.indexOf('/', slash + 1) >= 0) {
            errs.add("a qualified name " + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT,
                    "MyName", "my.name", "123-abc")
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
            return List.copyOf(errs);
        } else {
            String prefix = v.substring(0, slash);
            name = v.substring(slash + 1);
            if (prefix.isEmpty()) {
                errs.add("prefix part must be non-empty");
            } else {
                for (String msg : isDNS1123Subdomain(prefix)) {
                    errs.add("prefix part " + msg);
                }
            }
        }
        if (name.isEmpty()) {
            errs.add("name part must be non-empty");
        } else if (byteLength(name) > QUALIFIED_NAME_MAX_LENGTH) {
            errs.add("name part " + maxLenError(QUALIFIED_NAME_MAX_LENGTH));
        }
        if (!QUALIFIED_NAME.matcher(name).matches()) {
            errs.add("name part " + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT,
                    "MyName", "my.name", "123-abc"));
        }
        return List.copyOf(errs);
    }

    /** Checks a label value: empty, or at most 63 bytes with the same character rules as a qualified name. */
    public static List<String> isValidLabelValue(String value) {
        String v = value == null ? "" : value;
        List<String> errs = new ArrayList<>();
        if (byteLength(v) > LABEL_VALUE_MAX_LENGTH) {
            errs.add(maxLenError(LABEL_VALUE_MAX_LENGTH));
        }
        if (!LABEL_VALUE.matcher(v).matches()) {
            errs.add(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
        }
        return List.copyOf(errs);
    }

    /** Checks a DNS-1123 label (RFC 1123): 1 to 63 lowercase alphanumerics or {@code -}, alphanumeric at both ends. */
    public static List<String> isDNS1123Label(String value) {
        String v = value == null ? "" : value;
        if (isPlainDNS1123Label(v)) {
            return List.of();
        }
        List<String> errs = new ArrayList<>();
        if (byteLength(v) > DNS1123_LABEL_MAX_LENGTH) {
            errs.add(maxLenError(DNS1123_LABEL_MAX_LENGTH));
        }
        if (!DNS1123_LABEL.matcher(v).matches()) {
            errs.add(regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, "my-name", "123-abc"));
        }
        return List.copyOf(errs);
    }

    /**
     * What the DNS-1123 label pattern and length limit accept, checked without a regex: a namespace
     * is checked each time a typed client is made for it.
     */
    private static boolean isPlainDNS1123Label(String v) {
        int n = v.length();
        if (n == 0 || n > DNS1123_LABEL_MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            boolean alnum = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!alnum && (c != '-' || i == 0 || i == n - 1)) {
                return false;
            }
        }
        return true;
    }

    /** Checks a DNS-1123 subdomain: at most 253 bytes of dot-separated DNS-1123 labels. */
    public static List<String> isDNS1123Subdomain(String value) {
        String v = value == null ? "" : value;
        List<String> errs = new ArrayList<>();
        if (byteLength(v) > DNS1123_SUBDOMAIN_MAX_LENGTH) {
            errs.add(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
        }
        if (!DNS1123_SUBDOMAIN.matcher(v).matches()) {
            errs.add(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, "example.com"));
        }
        return List.copyOf(errs);
    }

    /** Checks a DNS-1035 label (RFC 1035, used for service names): like a DNS-1123 label but starting with a letter. */
    public static List<String> isDNS1035Label(String value) {
        String v = value == null ? "" : value;
        List<String> errs = new ArrayList<>();
        if (byteLength(v) > DNS1035_LABEL_MAX_LENGTH) {
            errs.add(maxLenError(DNS1035_LABEL_MAX_LENGTH));
        }
        if (!DNS1035_LABEL.matcher(v).matches()) {
            errs.add(regexError(DNS1035_LABEL_MSG, DNS1035_LABEL_FMT, "my-name", "abc-123"));
        }
        return List.copyOf(errs);
    }

    static String maxLenError(int length) {
        return "must be no more than " + length + " bytes";
    }

    static String regexError(String msg, String fmt, String... examples) {
        StringBuilder sb = new StringBuilder(msg).append(" (e.g. ");
        for (int i = 0; i < examples.length; i++) {
            if (i > 0) {
                sb.append(" or ");
            }
            sb.append('\'').append(examples[i]).append("', ");
        }
        return sb.append("regex used for validation is '").append(fmt).append("')").toString();
    }

    private static int byteLength(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return s.length();
    }
}
