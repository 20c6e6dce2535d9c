package io.kubeclient.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarningHeadersTest {

    @Test
    void parsesKubernetesWarning() {
        assertThat(WarningHeaders.parse(List.of("299 - \"v1 ComponentStatus is deprecated in v1.19+\"")))
                .containsExactly(new WarningHeader(299, "-", "v1 ComponentStatus is deprecated in v1.19+"));
    }

    @Test
    void parsesCommaSeparatedWarningsWithDates() {
        assertThat(WarningHeaders.parse(List.of(
                "299 - \"first\" \"Sat, 25 Aug 2012 23:34:45 GMT\", 299 agent \"second\",199 - \"third\"")))
                .containsExactly(new WarningHeader(299, "-", "first"), new WarningHeader(299, "agent", "second"),
                        new WarningHeader(199, "-", "third"));
    }

    @Test
    void unescapesQuotedText() {
        assertThat(WarningHeaders.parse(List.of("299 - \"say \\\"hi\\\" \\\\ \\x\"")))
                .containsExactly(new WarningHeader(299, "-", "say \"hi\" \\ x"));
    }

    @Test
    void toleratesLeadingSpaces() {
        assertThat(WarningHeaders.parse(List.of("   299 - \"x\""))).containsExactly(new WarningHeader(299, "-", "x"));
    }

    @Test
    void malformedEntryStopsItsValueOnly() {
        assertThat(WarningHeaders.parse(List.of("299 - \"ok\", 29 - \"bad code\", 299 - \"lost\"",
                "299 - unquoted", "299 - \"unterminated", "299 -", "299 - \"next value\" junk",
                "299 - \"last\"")))
                .extracting(WarningHeader::text)
                .containsExactly("ok", "last");
    }

    @Test
    void rejectsControlCharactersInText() {
        assertThat(WarningHeaders.parse(List.of("299 - \"bell\u0007\""))).isEmpty();
    }

    @Test
    void decodesEncodedWords() {
        assertThat(WarningHeaders.parse(List.of("299 - \"=?UTF-8?B?w6lsw6hWZQ==?= and =?utf-8?q?caf=C3=A9_x?=\"")))
                .extracting(WarningHeader::text)
                .containsExactly("\u00e9l\u00e8Ve and caf\u00e9 x");
    }

    @Test
    void defaultLoggerReportsEachDistinctKubernetesWarningOnce() {
        List<String> logged = new ArrayList<>();
        WarningHandler handler = new WarningHandlers.DeduplicatingLogger(logged::add);
        handler.handleWarning(299, "-", "deprecated");
        handler.handleWarning(299, "-", "deprecated");
        handler.handleWarning(299, "-", "other");
        handler.handleWarning(199, "-", "not kubernetes");
        handler.handleWarning(299, "-", "");
        assertThat(logged).containsExactly("deprecated", "other");
    }

    @Test
    void defaultHandlerCanBeReplacedAndRestored() {
        WarningHandler mine = (code, agent, text) -> {};
        try {
            WarningHandlers.setDefault(mine);
            assertThat(WarningHandlers.getDefault()).isSameAs(mine);
        } finally {
            WarningHandlers.setDefault(null);
        }
        assertThat(WarningHandlers.getDefault()).isSameAs(WarningHandlers.logging());
    }
}
