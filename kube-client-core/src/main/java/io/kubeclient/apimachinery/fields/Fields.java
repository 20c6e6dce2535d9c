package io.kubeclient.apimachinery.fields;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Entry points for field selectors, as client-go's {@code fields} package. */
public final class Fields {

    private Fields() {
    }

    /**
     * Parses a field selector such as {@code "metadata.name=web,status.phase!=Running"}. Terms are split on unescaped
     * {@code ,}, empty terms skipped, and the terms sorted as raw strings; each term splits at its first {@code !=},
     * {@code ==} or {@code =}. Whitespace is significant. In values, {@code \\}, {@code \,} and {@code \=} escape
     * {@code \}, {@code ,} and {@code =}.
     *
     * @throws SelectorParseException for a term without operator, an unknown escape sequence, or an unescaped
     *     {@code ,} or {@code =} in a value
     */
    public static Selector parseSelector(String selector) {
        return parseAndTransformSelector(selector, null);
    }

    /**
     * As {@link #parseSelector(String)}, then applies {@link Selector#transform} with the function (none when null).
     */
    public static Selector parseAndTransformSelector(String selector, Selector.TransformFunction fn) {
        if (selector == null) {
            throw new SelectorParseException("invalid field selector: null", 0);
        }
        List<int[]> spans = splitTerms(selector);
        spans.sort(Comparator.comparing(span -> selector.substring(span[0], span[1])));
        List<Requirement> reqs = new ArrayList<>(spans.size());
        for (int[] span : spans) {
            String term = selector.substring(span[0], span[1]);
            if (term.isEmpty()) {
                continue;
            }
            reqs.add(parseTerm(selector, term, span[0]));
        }
        Selector parsed = reqs.isEmpty() ? Selector.EVERYTHING : new Selector(reqs);
        return fn == null ? parsed : parsed.transform(fn);
    }

    /** Start and end offsets of the terms, split on commas not preceded by an escaping backslash. */
    private static List<int[]> splitTerms(String s) {
        List<int[]> spans = new ArrayList<>();
        if (s.isEmpty()) {
            return spans;
        }
        int start = 0;
        boolean escaped = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == ',') {
                spans.add(new int[] {start, i});
                start = i + 1;
            }
        }
        spans.add(new int[] {start, s.length()});
        return spans;
    }

    private static Requirement parseTerm(String selector, String term, int offset) {
        for (int i = 0; i < term.length(); i++) {
            Requirement.Operator op;
            int len;
            if (term.startsWith("!=", i)) {
                op = Requirement.Operator.NOT_EQUALS;
                len = 2;
            } else if (term.startsWith("==", i)) {
                op = Requirement.Operator.EQUALS;
                len = 2;
            } else if (term.charAt(i) == '=') {
                op = Requirement.Operator.EQUALS;
                len = 1;
            } else {
                continue;
            }
            String value;
            try {
                value = unescape(term.substring(i + len), offset + i + len);
            } catch (SelectorParseException e) {
                throw new SelectorParseException(e.getMessage() + " in term '" + term + "'", e.position());
            }
            return new Requirement(term.substring(0, i), op, value);
        }
        throw new SelectorParseException("invalid selector: '" + selector + "'; can't understand '" + term
                + "' (no =, == or != operator, at position " + offset + ")", offset);
    }

    /** The selector that matches everything; it prints as {@code ""}. */
    public static Selector everything() {
        return Selector.EVERYTHING;
    }

    /** A selector with the single term {@code field=value}. */
    public static Selector oneTermEqualSelector(String field, String value) {
        return new Selector(List.of(new Requirement(field, Requirement.Operator.EQUALS, value)));
    }

    /** A selector with the single term {@code field!=value}. */
    public static Selector oneTermNotEqualSelector(String field, String value) {
        return new Selector(List.of(new Requirement(field, Requirement.Operator.NOT_EQUALS, value)));
    }

    /** The AND of the selectors: their terms concatenated in order (empty selectors contribute nothing). */
    public static Selector andSelectors(Selector... selectors) {
        List<Requirement> all = new ArrayList<>();
        if (selectors != null) {
            for (Selector s : selectors) {
                all.addAll(Objects.requireNonNull(s, "selector").requirements());
            }
        }
        return all.isEmpty() ? Selector.EVERYTHING : new Selector(all);
    }

    /**
     * A selector of {@code field=value} terms, one per entry, sorted by field so the string form is stable. A null
     * or empty map gives {@link #everything()}.
     */
    public static Selector selectorFromSet(Map<String, String> set) {
        if (set == null || set.isEmpty()) {
            return Selector.EVERYTHING;
        }
        List<Requirement> reqs = new ArrayList<>(set.size());
        set.forEach((k, v) -> reqs.add(new Requirement(k == null ? "" : k, Requirement.Operator.EQUALS,
                v == null ? "" : v)));
        reqs.sort(Comparator.comparing(Requirement::field));
        return new Selector(reqs);
    }

    /** Escapes {@code \}, {@code ,} and {@code =} with a backslash so the value can appear in a selector string. */
    public static String escapeValue(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(value.length() + 4);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == ',' || c == '=') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * Reverses {@link #escapeValue(String)}.
     *
     * @throws SelectorParseException for a backslash followed by anything but {@code \}, {@code ,} or {@code =}, a
     *     trailing lone backslash, or an unescaped {@code ,} or {@code =}
     */
    public static String unescapeValue(String value) {
        if (value == null) {
            throw new SelectorParseException("invalid field selector: null value", 0);
        }
        return unescape(value, 0);
    }

    private static String unescape(String s, int offset) {
        if (s.indexOf('\\') < 0 && s.indexOf(',') < 0 && s.indexOf('=') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                if (i + 1 >= s.length()) {
                    throw new SelectorParseException("invalid field selector: invalid escape sequence: \\"
                            + " (trailing backslash at position " + (offset + i) + ")", offset + i);
                }
                int next = s.codePointAt(i + 1);
                if (next != '\\' && next != ',' && next != '=') {
                    throw new SelectorParseException("invalid field selector: invalid escape sequence: \\"
                            + Character.toString(next) + " (at position " + (offset + i) + ")", offset + i);
                }
                sb.append((char) next);
                i++;
            } else if (c == ',' || c == '=') {
                throw new SelectorParseException("invalid field selector: unescaped character in value: "
                        + (int) c + " ('" + c + "' at position " + (offset + i) + ")", offset + i);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
