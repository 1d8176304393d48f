package org.pftls.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.engine.PftlsException;

/**
 * Every row and error of {@link ExpanderTest}'s expansion table gives what the real
 * {@code postconf -x} gives (needs Postfix: an IT; it fails when postconf is missing).
 */
class ExpanderPostconfIT {
    private static final String[][] ROWS = ExpanderTest.ROWS;
    private static final String[][] ERRORS = ExpanderTest.ERRORS;
    private static final Map<String, String> PARAMS = ExpanderTest.PARAMS;
    private static final List<String> CARRIERS = ExpanderTest.CARRIERS;

    @TempDir
    Path temp;

    private static Expander expander() {
        return ExpanderTest.expander();
    }

    @Test
    void rowsMatchRealPostconf() throws Exception {
        RealPostconf.requireInstalled();
        for (int start = 0; start < ROWS.length; start += CARRIERS.size()) {
            StringBuilder mainCf = new StringBuilder();
            PARAMS.forEach((k, v) -> mainCf.append(k).append(" = ").append(v).append('\n'));
            Map<String, String> expected = new LinkedHashMap<>();
            for (int i = start; i < Math.min(ROWS.length, start + CARRIERS.size()); i++) {
                String carrier = CARRIERS.get(i - start);
                mainCf.append(carrier).append(" = ").append(ROWS[i][0]).append('\n');
                expected.put(carrier, Chars.normalize(expander().expand(ROWS[i][0])));
            }
            Path dir = Files.createTempDirectory(temp, "x");
            RealPostconf.writeMainCf(dir, mainCf.toString().getBytes(StandardCharsets.ISO_8859_1));
            List<String> arguments = new ArrayList<>(List.of("-x"));
            arguments.addAll(expected.keySet());
            RealPostconf.Result real = RealPostconf.run(dir, arguments.toArray(String[]::new));
            assertEquals(0, real.exitStatus(), real.stderr());
            assertEquals(expected, real.settings());
        }
    }

    /** postconf sleeps 1 s before a fatal exit, so the error cases run side by side. */
    @Test
    void errorsMatchRealPostconf() throws Exception {
        RealPostconf.requireInstalled();
        ExecutorService pool = Executors.newFixedThreadPool(ERRORS.length);
        try {
            checkErrors(pool);
        } finally {
            pool.shutdownNow();
        }
    }

    private void checkErrors(ExecutorService pool) throws Exception {
        List<CompletableFuture<RealPostconf.Result>> runs = new ArrayList<>();
        for (String[] row : ERRORS) {
            StringBuilder mainCf = new StringBuilder();
            PARAMS.forEach((k, v) -> mainCf.append(k).append(" = ").append(v).append('\n'));
            mainCf.append("always_bcc = ").append(row[0]).append('\n');
            Path dir = Files.createTempDirectory(temp, "e");
            RealPostconf.writeMainCf(dir, mainCf.toString().getBytes(StandardCharsets.ISO_8859_1));
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return RealPostconf.run(dir, "-xh", "always_bcc");
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }, pool));
        }
        for (int i = 0; i < ERRORS.length; i++) {
            String[] row = ERRORS[i];
            RealPostconf.Result real = runs.get(i).join();
            assertEquals(1, real.exitStatus(), row[0] + ": " + real.stderr());
            String problem = real.warnings().stream().filter(w -> !w.contains("undefined parameter")).findFirst()
                    .orElseThrow();
            PftlsException ours = assertThrows(PftlsException.class, () -> expander().expand(row[0]));
            assertTrue(ours.getMessage().contains(problem), row[0] + ": postconf says " + problem + ", we say "
                    + ours.getMessage());
        }
    }
}
