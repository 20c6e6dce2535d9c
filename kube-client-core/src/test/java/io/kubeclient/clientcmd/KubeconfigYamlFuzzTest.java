package io.kubeclient.clientcmd;

import static io.kubeclient.clientcmd.KubeConfigTreeTest.assertSameTree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * Differential fuzzing of the fast kubeconfig reader against Jackson's YAML parser, with fixed seeds:
 * documents from a small grammar of the subset and around it, and random mutations of the corpus.
 * Whatever the fast reader accepts must be Jackson's tree; what Jackson rejects it must not accept; it
 * never throws.
 */
class KubeconfigYamlFuzzTest {

    private static final YAMLFactory YAML = new YAMLFactory();

    private static final String[] KEYS = {
        "a", "b", "name", "server", "x-y", "a.b", "a/b", "_k", "key1", "true", "null", "Yes", "on", "1", "k k",
        "'q'", "\"dq\"", "a:b", "-a", "?a", "&a", "*a", "~", "<<", "a#b", "a #b", "ab ",
    };

    private static final String[] SCALARS = {
        "abc", "a b", "a  b", "https://h:6443", "a#b", "a #c", "a:b", "a: b", "a:", "1", "1.5", "-1", "-0", "01",
        "0x1F", "0o17", "1_000", "12:30", "190:20:30", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "1a", "1z",
        "1e3", "1E3", "1e", ".inf", "-.inf", ".NaN", ".5", "+1", "+.5", "1.", "~", "~x", "null", "Null", "NULL",
        "true", "True", "TRUE", "false", "False", "yes", "no", "on", "off", "y", "n", "", "a,b", "a[b]", "a{b}",
        "-a", "--region", "- a", "-", "?a", "? a", "&a", "*a", "!a", "!!str a", "|", ">", "|-", "'q'", "'it''s'",
        "''", "'a''", "\"dq\"", "\"\"", "\"d\\\"q\"", "\"a\\nb\"", "\"a # b\"", "'a", "\"a", "{}", "[]", "{ }",
        "[ ]", "[a]", "{a: 1}", "%a", "@a", "`a", "a'b", "a\"b", "=", "<<", "abc   ", "abc # comment", "\"x\" # c",
        "\"x\"#c", "'x' y", "{} # c", "{}x", "[]#", "123abc", "9z", "0b101", "1e400", "deadbeef", "deadbeef0",
        "1db158f6-177d-4d9c-8a8b-d36869918ec5", "Infinity", "NaN", "1inf", "3t", "sha256~AbC", "a\tb", "a b\t",
        "caf\u00e9", "a\\b", "C:\\x", "a|b", "a>b", "a&b", "a*b", "a!b", "a%b", "a@b", "a`b", "a?b", "a}b", "a]b",
        "...", "---", "a ...", "a\u00A0b", "a\u0085b", "a\u2028b", "a\u2029b", "a\uFEFFb", "\uD83D\uDE00",
        "a\uD83D", "\uDE00a", "a\u0080b", "a\u009Fb", "a\uFFFEb", "a\uFFFDb", "a\uFDD0b", "\u00E9t\u00E9", "\u3000", "LS0tLS1CRUdJTi==", "eyJ.eyJ.c2ln", "/path/to/file", "$HOME", "${X}",
    };

    /** Values in the subset, to keep the share of accepted documents up. */
    private static final String[] COMMON = {
        "abc", "a b", "https://h:6443", "a#b", "a # c", "null", "true", "false", "'q'", "'it''s'", "\"dq\"",
        "{}", "[]", "--region", "1z", "jos\u00E9", "\u5F20\u4E09 \uD83D\uDE00", "/path/to/file", "LS0tLS1CRUdJTi==", "arn:aws:eks:eu-west-1:1:cluster/x",
    };

    private static final String MUTATION_CHARS = " \t-:#'\"{}[]&*!|>\n\r09az~.,?%@\\\u00E9\u00A0\u0085\u2028\uFEFF\uD83D\uDE00\u0000\u007F";

    @Test
    void grammarDocumentsAreReadAsJacksonReadsThem() {
        r = new Random(20261127L);
        Stats stats = new Stats();
        for (int i = 0; i < 6000; i++) {
            clean = r.nextBoolean();
            StringBuilder doc = new StringBuilder();
            if (r.nextInt(8) == 0) {
                doc.append(r.nextBoolean() ? "---\n" : "# head\n");
            }
            mapping(doc, 0, 0);
            String text = doc.toString();
            if (r.nextInt(10) == 0) {
                text = text.replace("\n", "\r\n");
            }
            check(text, stats);
        }
        // The grammar is mostly in the subset: a fuzz that never accepted would prove nothing.
        assertThat(stats.accepted).as("accepted of %s", stats.total).isGreaterThan(stats.total / 5);
        assertThat(stats.jacksonRejected).as("rejected by Jackson of %s", stats.total).isGreaterThan(stats.total / 20);
    }

    @Test
    void mutatedCorpusDocumentsAreReadAsJacksonReadsThem() {
        Random random = new Random(11L);
        List<String> corpus = KubeconfigYamlCorpus.all();
        Stats stats = new Stats();
        for (int i = 0; i < 6000; i++) {
            StringBuilder doc = new StringBuilder(corpus.get(random.nextInt(corpus.size())));
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                int at = random.nextInt(doc.length() + 1);
                char c = MUTATION_CHARS.charAt(random.nextInt(MUTATION_CHARS.length()));
                switch (random.nextInt(3)) {
                    case 0 -> doc.insert(at, c);
                    case 1 -> {
                        if (at < doc.length()) {
                            doc.deleteCharAt(at);
                        }
                    }
                    default -> {
                        if (at < doc.length()) {
                            doc.setCharAt(at, c);
                        }
                    }
                }
            }
            check(doc.toString(), stats);
        }
        assertThat(stats.accepted).as("accepted of %s", stats.total).isGreaterThan(stats.total / 5);
        assertThat(stats.jacksonRejected).as("rejected by Jackson of %s", stats.total).isGreaterThan(stats.total / 20);
    }

    private static final class Stats {
        int total;
        int accepted;
        int jacksonRejected;
    }

    private static void check(String doc, Stats stats) {
        stats.total++;
        Map<String, Object> fast;
        try {
            fast = KubeconfigYaml.readOrThrow(doc);
        } catch (RuntimeException e) {
            throw new AssertionError("fast reader threw on:\n" + doc, e);
        }
        Object jackson;
        try {
            jackson = KubeConfigCodec.Jackson.readTree(YAML, doc);
        } catch (RuntimeException e) {
            stats.jacksonRejected++;
            if (fast != null) {
                fail("accepted what Jackson rejects (%s):\n%s", e.getMessage(), doc);
            }
            return;
        }
        if (fast != null) {
            stats.accepted++;
            try {
                assertSameTree(fast, jackson);
            } catch (AssertionError e) {
                throw new AssertionError("differs from Jackson on:\n" + doc + "\nfast:    " + fast + "\njackson: " + jackson, e);
            }
        }
    }

    // ---- the grammar ----

    private Random r;
    /** No oddities on purpose in this document (mostly in the subset, then). */
    private boolean clean;

    private void mapping(StringBuilder out, int column, int depth) {
        int entries = 1 + r.nextInt(4);
        for (int i = 0; i < entries; i++) {
            noise(out, column);
            indent(out, column);
            out.append(odd(6) ? pick(KEYS) : pick(new String[] {"a", "b", "name", "server", "user"}));
            out.append(odd(30) ? " :" : ":");
            value(out, column, depth, true);
        }
    }

    /** Indentation for an entry, unless it follows a dash on the same line (a compact mapping). */
    private void indent(StringBuilder out, int column) {
        boolean lineStart = out.length() == 0 || out.charAt(out.length() - 1) == '\n';
        if (lineStart) {
            int wobble = odd(25) ? (r.nextBoolean() ? 1 : -1) : 0;
            out.append(" ".repeat(Math.max(0, column + wobble)));
        }
    }

    private void value(StringBuilder out, int column, int depth, boolean sameColumnSequence) {
        int kind = depth > 4 ? 0 : r.nextInt(8);
        switch (kind) {
            case 0, 1, 2 -> {
                out.append(odd(15) ? "  " : " ").append(scalar());
                if (r.nextInt(12) == 0) {
                    // a continuation line, deeper or not
                    out.append('\n').append(" ".repeat(column + r.nextInt(4))).append(pick(SCALARS));
                }
                out.append(r.nextInt(10) == 0 ? "  " : "").append('\n');
            }
            case 3 -> {
                out.append(r.nextBoolean() ? "\n" : " # c\n");
                int nested = column + 1 + r.nextInt(r.nextInt(5) == 0 ? 4 : 2);
                mapping(out, nested, depth + 1);
            }
            case 4 -> {
                out.append(r.nextBoolean() ? "\n" : " #\n");
                sequence(out, sameColumnSequence && r.nextBoolean() ? column : column + 2, depth + 1);
            }
            case 5 -> {
                if (r.nextBoolean()) {
                    out.append(r.nextBoolean() ? "\n" : " # nothing\n");
                } else {
                    literal(out, column);
                }
            }
            case 6 -> {
                out.append('\n');
                sequence(out, column + 1 + r.nextInt(3), depth + 1);
            }
            default -> {
                out.append('\n');
                mapping(out, column + 2, depth + 1);
            }
        }
    }

    private void sequence(StringBuilder out, int column, int depth) {
        int items = 1 + r.nextInt(4);
        for (int i = 0; i < items; i++) {
            noise(out, column);
            out.append(" ".repeat(column)).append(odd(30) ? "-" : "- ");
            int spaces = r.nextInt(8) == 0 ? 1 + r.nextInt(2) : 0;
            out.append(" ".repeat(spaces));
            int itemColumn = column + 2 + spaces;
            switch (depth > 4 ? 0 : r.nextInt(6)) {
                case 0 -> out.append(scalar()).append('\n');
                case 1 -> {
                    out.setLength(out.length() - 1);
                    literal(out, column);
                }
                case 2, 3 -> mapping(out, itemColumn, depth + 1);
                case 4 -> {
                    out.append(r.nextBoolean() ? "\n" : "# c\n");
                    if (r.nextBoolean()) {
                        mapping(out, column + 2, depth + 1);
                    }
                }
                default -> {
                    out.append(r.nextBoolean() ? "- " + pick(SCALARS) + "\n" : pick(SCALARS) + "\n");
                    if (r.nextInt(5) == 0) {
                        out.append(" ".repeat(column + 1 + r.nextInt(3))).append(pick(SCALARS)).append('\n');
                    }
                }
            }
        }
    }

    private static final String[] LITERAL_HEADERS = {
        "|", "|", "|-", "|+", "|2", "|1", "|-2", "|2-", "|+1", "|0", "|22", "|x", "| # c", "|#", ">", ">-", "|  ",
    };

    /** A literal block scalar, its lines indented around {@code column} with empty and blank lines. */
    private void literal(StringBuilder out, int column) {
        out.append(' ').append(pick(LITERAL_HEADERS)).append('\n');
        int base = column + 1 + r.nextInt(3);
        int lines = r.nextInt(5);
        for (int i = 0; i < lines; i++) {
            switch (r.nextInt(8)) {
                case 0 -> out.append('\n');
                case 1 -> out.append(odd(2) ? " ".repeat(r.nextInt(base + 3)) + "\n" : "\n");
                case 2 -> out.append(" ".repeat(base + r.nextInt(3))).append("# not a comment\n");
                case 3 -> out.append(" ".repeat(odd(3) ? Math.max(0, base - 1) : base)).append(scalar()).append('\n');
                default -> out.append(" ".repeat(base)).append(pick(COMMON)).append(r.nextInt(6) == 0 ? "  " : "").append('\n');
            }
        }
        if (r.nextInt(6) == 0) {
            out.append(r.nextBoolean() ? "\n" : "\n\n");
        }
    }

    /** Sometimes a blank line, a comment line (indented anyhow) or a tab. */
    private void noise(StringBuilder out, int column) {
        boolean lineStart = out.length() == 0 || out.charAt(out.length() - 1) == '\n';
        if (!lineStart) {
            return;
        }
        switch (r.nextInt(20)) {
            case 0 -> out.append('\n');
            case 1 -> out.append(" ".repeat(r.nextInt(column + 3))).append("# comment: x\n");
            case 2 -> out.append("   \n");
            default -> {
            }
        }
    }

    private String scalar() {
        return pick(odd(2) ? SCALARS : COMMON);
    }

    /** An oddity, one time in {@code n}, unless the document is to be a clean one. */
    private boolean odd(int n) {
        return !clean && r.nextInt(n) == 0;
    }

    private String pick(String[] values) {
        return values[r.nextInt(values.length)];
    }
}
