package io.kubeclient.apimachinery.meta;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Validation and formatting shared by the option types. */
final class Params {

    static final String DRY_RUN_ALL = "All";
    static final int MAX_FIELD_MANAGER_LENGTH = 128;

    private Params() {
    }

    static String str(String s) {
        return s == null ? "" : s;
    }

    static List<String> dryRun(Collection<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(values.size());
        int i = 0;
        for (String v : values) {
            if (v == null || v.isEmpty()) {
                throw new IllegalArgumentException("dryRun[" + i + "] must not be null or empty (the only valid value is \"All\")");
            }
            out.add(v);
            i++;
        }
        return List.copyOf(out);
    }

    /** The API server's rule: at most 128 characters, all printable. */
    static String fieldManager(String value) {
        String v = str(value);
        if (v.codePointCount(0, v.length()) > MAX_FIELD_MANAGER_LENGTH) {
            throw new IllegalArgumentException("fieldManager must be at most " + MAX_FIELD_MANAGER_LENGTH
                    + " characters, was " + v.codePointCount(0, v.length()));
        }
        for (int i = 0; i < v.length(); ) {
            int cp = v.codePointAt(i);
            if (!isPrint(cp)) {
                throw new IllegalArgumentException(String.format(
                        "fieldManager must contain only printable characters, found U+%04X at index %d", cp, i));
            }
            i += Character.charCount(cp);
        }
        return v;
    }

    static long nonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + value);
        }
        return value;
    }

    static String describe(String type, Map<String, List<String>> params) {
        StringJoiner j = new StringJoiner(", ", type + "{", "}");
        params.forEach((k, v) -> j.add(k + "=" + (v.size() == 1 ? v.get(0) : v.toString())));
        return j.toString();
    }

    private static boolean isPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
