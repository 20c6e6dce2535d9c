package io.kubeclient.clientcmd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the block-style YAML that kubectl, go-yaml and the cloud CLIs write for a kubeconfig, without
 * Jackson or SnakeYAML: in a fresh JVM, loading and running those parsers costs an application tens of
 * milliseconds of start-up, most of it class loading, for a document this small and regular.
 *
 * <p>Contract: {@link #read} accepts a strict subset of YAML and returns, for every document it
 * accepts, exactly the plain tree that {@code KubeConfigCodec.Jackson} builds from Jackson's YAML
 * parser; it never accepts a document that parser rejects. Anything it does not fully understand
 * yields {@code null}, and the caller falls back to Jackson. It never throws.
 *
 * <p>The subset: printable characters (no control characters, no line break but LF or CRLF, no byte
 * order mark inside); an optional {@code ---} first line; blank
 * and comment lines; a mapping at the top level; block mappings whose keys are plain words
 * ({@code [A-Za-z_][A-Za-z0-9_./-]*}); block sequences either at their key's indentation or deeper,
 * with {@code - key: value} compact mappings; values that are {@code {}}, {@code []}, single-quoted
 * or double-quoted (without escapes) on one line, or plain scalars (which may go on over adjacent,
 * deeper indented lines, as go-yaml wraps long ones) that resolve, as Jackson's YAML parser resolves
 * them (the JSON schema), to {@code null}, {@code true}, {@code false} or a string; {@code #} comments
 * after values; literal block scalars ({@code |}, {@code |-}, {@code |+}, {@code |2}...). It refuses
 * tabs, anchors, aliases, tags, folded block scalars, multi-line quoted scalars,
 * flow collections with content, explicit keys, directives, document end markers and more than one
 * document, and plain scalars that are or look like numbers, dates or times, or that another
 * YAML schema (1.1 or core) would resolve otherwise ({@code ~}, {@code yes}, {@code True}...).
 */
final class KubeconfigYaml {

    /** Thrown inside the reader when a document leaves the subset; never escapes {@link #read}. */
    private static final class NotInSubset extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final NotInSubset INSTANCE = new NotInSubset();

        private NotInSubset() {
            super(null, null, false, false);
        }
    }

    /**
     * Plain scalars (lower-cased) that some YAML schema (1.1, core) reads as null or a boolean: refused
     * as keys, and as values unless spelled as the JSON schema, which Jackson uses, reads them.
     */
    private static final Set<String> AMBIGUOUS = Set.of(
            "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n");

    /**
     * Far above any kubeconfig, and below the limits of Jackson and SnakeYAML (document size, nesting,
     * name length), so that a document they would refuse for its size is never accepted here.
     */
    private static final int MAX_LENGTH = 1 << 20;
    private static final int MAX_DEPTH = 32;
    private static final int MAX_KEY = 1000;

    /** Shapes of plain scalars that may not be strings; compiled when a scalar starts like a number. */
    private static final class Shapes {
        /**
         * Generously, what a YAML schema (JSON, core, 1.1) could read as an integer or a float in any
         * base or notation, sexagesimal included.
         */
        static final Pattern NUMBER_LIKE = Pattern.compile(
                "[-+]?\\.?[0-9][0-9a-fA-FxXoO_]*([.:][0-9a-fA-F_]*)*([eE][-+]?[0-9_]*)?");
        /** Generously, what YAML 1.1 could read as a timestamp. */
        static final Pattern DATE_LIKE = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?");
    }

    private final String s;
    /** Per content line (blank and comment lines left out): its indentation, first content char, end. */
    private final int[] indent;
    private final int[] begin;
    private final int[] end;
    /** Per content line: its number among all lines, to tell adjacent lines. */
    private final int[] raw;
    private final int lines;
    /** Per line, blank and comment lines included: where it starts and ends (before CR LF). */
    private final int[] rawStart;
    private final int[] rawEnd;
    private final int rawLines;
    private int line;
    private int depth;

    private KubeconfigYaml(String s, int[] indent, int[] begin, int[] end, int[] raw, int lines,
            int[] rawStart, int[] rawEnd, int rawLines) {
        this.s = s;
        this.rawStart = rawStart;
        this.rawEnd = rawEnd;
        this.rawLines = rawLines;
        this.indent = indent;
        this.begin = begin;
        this.end = end;
        this.raw = raw;
        this.lines = lines;
    }

    /**
     * The document's plain tree (its top level is always a mapping), or {@code null} when the
     * document is not in the subset and must be read by Jackson's YAML parser.
     */
    static Map<String, Object> read(String text) {
        try {
            return readOrThrow(text);
        } catch (RuntimeException e) {
            // Only a bug here would throw anything else than NotInSubset: the parser decides then.
            return null;
        }
    }

    /** {@link #read}, but an unexpected exception (a bug, which the tests look for) propagates. */
    static Map<String, Object> readOrThrow(String text) {
        try {
            if (text.length() > MAX_LENGTH) {
                return null;
            }
            KubeconfigYaml reader = lines(text);
            return reader == null ? null : reader.document();
        } catch (NotInSubset e) {
            return null;
        }
    }

    /** Splits into content lines; {@code null} for characters outside the subset. */
    private static KubeconfigYaml lines(String s) {
        int n = s.length();
        int count = 1;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                count++;
            } else if (c == '\r') {
                if (i + 1 >= n || s.charAt(i + 1) != '\n') {
                    return null;
                }
            } else if (c < 0x20 || (c > 0x7E && !printable(s, i))) {
                return null;
            } else if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        int[] indent = new int[count];
        int[] begin = new int[count];
        int[] end = new int[count];
        int[] raw = new int[count];
        int[] rawStart = new int[count];
        int[] rawEnd = new int[count];
        int lines = 0;
        int rawLine = 0;
        int start = 0;
        while (start <= n) {
            int nl = s.indexOf('\n', start);
            int stop = nl < 0 ? n : nl;
            int e = stop > start && s.charAt(stop - 1) == '\r' ? stop - 1 : stop;
            rawStart[rawLine] = start;
            rawEnd[rawLine] = e;
            int b = start;
            while (b < e && s.charAt(b) == ' ') {
                b++;
            }
            if (b < e && s.charAt(b) != '#') {
                indent[lines] = b - start;
                begin[lines] = b;
                end[lines] = e;
                raw[lines] = rawLine;
                lines++;
            }
            if (nl < 0) {
                break;
            }
            start = nl + 1;
            rawLine++;
        }
        return new KubeconfigYaml(s, indent, begin, end, raw, lines, rawStart, rawEnd, rawLine + 1);
    }

    /**
     * Whether the non-ASCII character at {@code i} is one YAML allows in content and reads as itself:
     * not a control or YAML line break ({@code U+0085}, {@code U+2028}, {@code U+2029}), not a byte
     * order mark, not U+FFFE or U+FFFF, not half a surrogate pair.
     */
    private static boolean printable(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return c >= 0xA0 && c != 0x2028 && c != 0x2029 && c != 0xFEFF && c <= 0xFFFD
                && !Character.isSurrogate(c);
    }

    private Map<String, Object> document() {
        if (lines > 0 && indent[0] == 0 && s.startsWith("---", begin[0]) && end[0] == begin[0] + 3) {
            line = 1;
        }
        for (int i = line; i < lines; i++) {
            if (indent[i] == 0 && (s.startsWith("---", begin[i]) || s.startsWith("...", begin[i]))) {
                throw NotInSubset.INSTANCE;
            }
        }
        if (line >= lines || indent[line] != 0 || sequenceEntry(line)) {
            throw NotInSubset.INSTANCE;
        }
        Map<String, Object> root = mapping(0, begin[line]);
        if (line != lines) {
            throw NotInSubset.INSTANCE;
        }
        return root;
    }

    /**
     * The block mapping whose entries sit at column {@code column}, the first one starting at
     * {@code first} on the current line (which may follow a sequence entry's dash).
     */
    private Map<String, Object> mapping(int column, int first) {
        enter();
        Map<String, Object> map = new LinkedHashMap<>();
        int pos = first;
        while (true) {
            int e = end[line];
            int colon = keyEnd(pos, e);
            if (colon < 0) {
                throw NotInSubset.INSTANCE;
            }
            String key = s.substring(pos, colon);
            line++;
            map.put(key, value(colon + 1, e, column, true));
            if (line >= lines || indent[line] < column) {
                depth--;
                return map;
            }
            if (indent[line] > column) {
                throw NotInSubset.INSTANCE;
            }
            pos = begin[line];
        }
    }

    /** The sequence whose dashes sit at column {@code column}, from the current line. */
    private List<Object> sequence(int column) {
        enter();
        List<Object> list = new ArrayList<>();
        while (line < lines && indent[line] == column && sequenceEntry(line)) {
            int e = end[line];
            int pos = skipSpaces(begin[line] + 1, e);
            if (pos < e && s.charAt(pos) != '#' && keyEnd(pos, e) >= 0) {
                int lineStart = begin[line] - indent[line];
                list.add(mapping(pos - lineStart, pos));
            } else {
                line++;
                if (pos < e && s.charAt(pos) == '-' && (pos + 1 == e || s.charAt(pos + 1) == ' ')) {
                    throw NotInSubset.INSTANCE;
                }
                list.add(value(begin[line - 1] + 1, e, column, false));
            }
            if (line < lines && indent[line] > column) {
                throw NotInSubset.INSTANCE;
            }
        }
        depth--;
        return list;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw NotInSubset.INSTANCE;
        }
    }

    /**
     * The value after a key's colon or an entry's dash, at {@code from} to {@code e} on the previous
     * line (the current line is the next one): inline, or a nested block when nothing but a comment
     * follows. {@code sameColumnSequence}: a sequence at the key's own column is its value.
     */
    private Object value(int from, int e, int column, boolean sameColumnSequence) {
        if (from < e && s.charAt(from) != ' ') {
            throw NotInSubset.INSTANCE;
        }
        int pos = skipSpaces(from, e);
        if (pos == e || s.charAt(pos) == '#') {
            if (line < lines && indent[line] > column) {
                int nested = indent[line];
                return sequenceEntry(line) ? sequence(nested) : mapping(nested, begin[line]);
            }
            if (sameColumnSequence && line < lines && indent[line] == column && sequenceEntry(line)) {
                return sequence(column);
            }
            return null;
        }
        return scalar(pos, e, column);
    }

    /**
     * A scalar or empty flow collection from {@code pos} to the line end {@code e}; only a plain
     * scalar may go on over the next lines, indented deeper than {@code column}.
     */
    private Object scalar(int pos, int e, int column) {
        char c = s.charAt(pos);
        switch (c) {
            case '"': {
                int close = s.indexOf('"', pos + 1);
                if (close < 0 || close >= e || s.lastIndexOf('\\', close) > pos) {
                    throw NotInSubset.INSTANCE;
                }
                trailing(close + 1, e);
                return s.substring(pos + 1, close);
            }
            case '\'': {
                StringBuilder sb = new StringBuilder();
                int i = pos + 1;
                while (true) {
                    if (i >= e) {
                        throw NotInSubset.INSTANCE;
                    }
                    char q = s.charAt(i);
                    if (q == '\'') {
                        if (i + 1 < e && s.charAt(i + 1) == '\'') {
                            sb.append('\'');
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    sb.append(q);
                    i++;
                }
                trailing(i + 1, e);
                return sb.toString();
            }
            case '|':
                return literal(pos, e, column);
            case '{':
                if (pos + 1 < e && s.charAt(pos + 1) == '}') {
                    trailing(pos + 2, e);
                    return new LinkedHashMap<String, Object>();
                }
                throw NotInSubset.INSTANCE;
            case '[':
                if (pos + 1 < e && s.charAt(pos + 1) == ']') {
                    trailing(pos + 2, e);
                    return new ArrayList<Object>();
                }
                throw NotInSubset.INSTANCE;
            default:
                if ("?:,]}#&*!>%@`.+".indexOf(c) >= 0 || (c == '-' && (pos + 1 == e || s.charAt(pos + 1) == ' '))) {
                    throw NotInSubset.INSTANCE;
                }
                return plain(pos, e, column);
        }
    }

    /**
     * A plain scalar to the line end or a comment, with its continuation lines (deeper than {@code
     * column}, no comment nor blank line between), resolved as Jackson's YAML parser does.
     */
    private Object plain(int pos, int e, int column) {
        int stop = e;
        boolean comment = false;
        for (int i = pos; i < e; i++) {
            char c = s.charAt(i);
            if (c == ':' && (i + 1 == e || s.charAt(i + 1) == ' ')) {
                throw NotInSubset.INSTANCE;
            }
            if (c == '#' && i > pos && s.charAt(i - 1) == ' ') {
                comment = true;
                stop = i;
                break;
            }
        }
        while (s.charAt(stop - 1) == ' ') {
            stop--;
        }
        String v = s.substring(pos, stop);
        if (line < lines && indent[line] > column) {
            if (comment) {
                throw NotInSubset.INSTANCE;
            }
            StringBuilder folded = new StringBuilder(v);
            while (line < lines && indent[line] > column) {
                folded.append(' ').append(continuation(line));
                line++;
            }
            v = folded.toString();
        }
        switch (v) {
            case "null":
                return null;
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default:
                break;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (AMBIGUOUS.contains(lower)) {
            throw NotInSubset.INSTANCE;
        }
        char c = v.charAt(0);
        if (c == '-' || (c >= '0' && c <= '9')) {
            // "-.inf" is a float in YAML 1.1 and the JSON and core schemas.
            if (v.startsWith("-.") || Shapes.NUMBER_LIKE.matcher(v).matches()
                    || Shapes.DATE_LIKE.matcher(v).matches()) {
                throw NotInSubset.INSTANCE;
            }
        }
        return v;
    }

    /**
     * A plain scalar's continuation line, right after the previous one: no indicator first, no
     * comment, nothing that could start a mapping.
     */
    private String continuation(int l) {
        if (raw[l] != raw[l - 1] + 1) {
            throw NotInSubset.INSTANCE;
        }
        int b = begin[l];
        int e = end[l];
        while (s.charAt(e - 1) == ' ') {
            e--;
        }
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(s.charAt(b)) >= 0) {
            throw NotInSubset.INSTANCE;
        }
        for (int i = b; i < e; i++) {
            char c = s.charAt(i);
            if ((c == ':' && (i + 1 == e || s.charAt(i + 1) == ' ')) || (c == '#' && s.charAt(i - 1) == ' ')) {
                throw NotInSubset.INSTANCE;
            }
        }
        return s.substring(b, e);
    }

    /**
     * A literal block scalar ({@code |}, with an optional chomping indicator and indentation
     * indicator, as go-yaml writes multi-line strings such as AKS's install hint) whose header is at
     * {@code pos}; its lines follow the previous content line. Refused: lines of spaces only, a first
     * content line not deeper than {@code column}, content running to the end without a line break.
     */
    private String literal(int pos, int e, int column) {
        int i = pos + 1;
        char chomping = 0;
        int indicator = 0;
        for (int k = 0; k < 2 && i < e; k++) {
            char h = s.charAt(i);
            if ((h == '-' || h == '+') && chomping == 0) {
                chomping = h;
            } else if (h >= '1' && h <= '9' && indicator == 0) {
                indicator = h - '0';
            } else {
                break;
            }
            i++;
        }
        trailing(i, e);
        int contentIndent = indicator > 0 ? column + indicator : -1;
        StringBuilder text = new StringBuilder();
        int empty = 0;
        int lastContent = -1;
        // After a final line break comes no line, though the split counts an empty one there.
        int limit = s.endsWith("\n") ? rawLines - 1 : rawLines;
        int r = raw[line - 1] + 1;
        for (; r < limit; r++) {
            int start = rawStart[r];
            int stop = rawEnd[r];
            int spaces = 0;
            while (start + spaces < stop && s.charAt(start + spaces) == ' ') {
                spaces++;
            }
            if (start + spaces == stop) {
                if (spaces > 0) {
                    throw NotInSubset.INSTANCE;
                }
                empty++;
                continue;
            }
            if (contentIndent < 0) {
                if (spaces <= column) {
                    break;
                }
                contentIndent = spaces;
            }
            if (spaces < contentIndent) {
                break;
            }
            if (lastContent >= 0) {
                text.append('\n');
            }
            text.append("\n".repeat(empty)).append(s, start + contentIndent, stop);
            empty = 0;
            lastContent = r;
        }
        if (lastContent < 0 || lastContent == rawLines - 1) {
            throw NotInSubset.INSTANCE;
        }
        if (chomping == '+') {
            text.append("\n".repeat(1 + empty));
        } else if (chomping == 0) {
            text.append('\n');
        }
        while (line < lines && raw[line] < r) {
            line++;
        }
        return text.toString();
    }

    /** After a quoted scalar or empty collection: only spaces, or spaces and a comment. */
    private void trailing(int pos, int e) {
        int p = skipSpaces(pos, e);
        if (p < e && (p == pos || s.charAt(p) != '#')) {
            throw NotInSubset.INSTANCE;
        }
    }

    /**
     * The index of the colon ending a plain-word key at {@code pos}, followed by a space or the line
     * end; {@code -1} if there is none.
     */
    private int keyEnd(int pos, int e) {
        int i = pos;
        if (i >= e || !wordStart(s.charAt(i))) {
            return -1;
        }
        i++;
        while (i < e && wordPart(s.charAt(i))) {
            i++;
        }
        if (i >= e || s.charAt(i) != ':' || (i + 1 < e && s.charAt(i + 1) != ' ')) {
            return -1;
        }
        if (i - pos > MAX_KEY || AMBIGUOUS.contains(s.substring(pos, i).toLowerCase(Locale.ROOT))) {
            return -1;
        }
        return i;
    }

    private boolean sequenceEntry(int l) {
        int b = begin[l];
        return s.charAt(b) == '-' && (b + 1 == end[l] || s.charAt(b + 1) == ' ');
    }

    private int skipSpaces(int pos, int e) {
        int p = pos;
        while (p < e && s.charAt(p) == ' ') {
            p++;
        }
        return p;
    }

    private static boolean wordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean wordPart(char c) {
        return wordStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '/';
    }
}
