package org.pftls.engine.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The main.cf test corpus in src/test/resources/corpus. */
final class Corpus {
    static final Path DIR = Path.of("src/test/resources/corpus");

    private Corpus() {
    }

    static List<Path> files() throws IOException {
        try (Stream<Path> list = Files.list(DIR)) {
            return list.filter(p -> p.toString().endsWith(".cf")).sorted().toList();
        }
    }
}
