package io.kubeclient.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The background pre-initializer's class list ({@link KubeClientPreinitialization#CLASS_LIST}) and
 * its loading. That the list names exactly the client classes an application loads at start is
 * checked in a fresh JVM by {@link StartupSideEffectsTests}.
 */
class PreinitializedClassesTests {

    private static List<String> listed() throws IOException {
        try (InputStream in = PreinitializedClassesTests.class.getClassLoader()
                .getResourceAsStream(KubeClientPreinitialization.CLASS_LIST)) {
            assertThat(in).as(KubeClientPreinitialization.CLASS_LIST).isNotNull();
            return KubeClientPreinitialization.classNames(in);
        }
    }

    @Test
    void everyListedClassLoadsAndIsListedOnce() throws IOException {
        List<String> names = listed();
        assertThat(names).as("the client's own classes").anyMatch((n) -> n.startsWith("io.kubeclient.kubernetes."));
        assertThat(names).doesNotHaveDuplicates();
        List<String> broken = new ArrayList<>();
        for (String name : names) {
            try {
                Class.forName(name, false, getClass().getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                broken.add(name + " (" + e + ")");
            }
        }
        assertThat(broken).as("names in the list that no longer load").isEmpty();
    }

    @Test
    void preloadAsksTheClassLoaderForEveryListedClassInOrderWithoutInitialisingThem() throws IOException {
        List<String> names = listed();
        Recording loader = new Recording(getClass().getClassLoader(), null);

        int loaded = KubeClientPreinitialization.preload(loader);

        assertThat(loaded).isEqualTo(names.size());
        assertThat(loader.requested).containsSubsequence(names);
    }

    @Test
    void thePreinitializationLoadsTheListedClassesBeforeItRunsTheStartUpPath() throws IOException {
        List<String> names = listed();
        Recording loader = new Recording(getClass().getClassLoader(), null);

        new KubeClientPreinitialization(false, null, false, loader).run();

        assertThat(loader.requested).containsSubsequence(names);
    }

    @Test
    void aNameThatDoesNotLoadIsSkippedAndTheRestStillLoad() {
        String list = """
                # a comment line

                io.kubeclient.does.not.Exist
                io.kubeclient.rest.RestConfig   # a trailing comment
                """;
        Recording loader = new Recording(getClass().getClassLoader(), list);

        assertThat(KubeClientPreinitialization.preload(loader)).isEqualTo(1);
        assertThat(loader.requested).containsSubsequence("io.kubeclient.does.not.Exist", "io.kubeclient.rest.RestConfig");
    }

    @Test
    void withoutAListNothingIsLoaded() {
        ClassLoader empty = new ClassLoader(null) {
        };
        assertThat(KubeClientPreinitialization.preload(empty)).isZero();
    }

    @Test
    void namesAreOnePerLineWithCommentsAndBlankLinesSkipped() throws IOException {
        String text = "# header\n\n  a.B  \nc.D# note\r\n#e.F\n";
        assertThat(KubeClientPreinitialization.classNames(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
            .containsExactly("a.B", "c.D");
    }

    /** Records the names it is asked to load; serves {@code list} as the class list when given. */
    static final class Recording extends ClassLoader {
        final List<String> requested = Collections.synchronizedList(new ArrayList<>());
        private final String list;

        Recording(ClassLoader parent, String list) {
            super(parent);
            this.list = list;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            this.requested.add(name);
            return super.loadClass(name, resolve);
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            if (this.list != null && name.equals(KubeClientPreinitialization.CLASS_LIST)) {
                return new ByteArrayInputStream(this.list.getBytes(StandardCharsets.UTF_8));
            }
            return super.getResourceAsStream(name);
        }
    }
}
