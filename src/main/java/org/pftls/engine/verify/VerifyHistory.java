package org.pftls.engine.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.pftls.engine.PftlsException;
import org.pftls.engine.check.Finding;
import org.pftls.engine.plan.ContentHash;
import org.pftls.engine.plan.History;
import org.pftls.engine.plan.HistoryEntry;
import org.pftls.engine.plan.InstanceLock;
import org.pftls.engine.plan.IoMessages;
import org.pftls.engine.ports.FileStore;

/**
 * verify's results in the history file: one entry per run, operation {@code verify}, no backup and
 * no settings (so {@code history} lists it and {@code rollback} never takes it for a change), the
 * SHA-256 of main.cf at the time, and the result. {@code status} shows the newest.
 */
public final class VerifyHistory {
    public static final String OPERATION = "verify";

    private VerifyHistory() {
    }

    /**
     * The newest verify result.
     *
     * @param time          when it ran
     * @param ok            whether it passed
     * @param result        the recorded one-line result
     * @param mainCfChanged whether main.cf is no longer what it was then (verify again after a reload)
     */
    public record Last(Instant time, boolean ok, String result, boolean mainCfChanged) { }

    /** The history entry for a report, with main.cf as it is now. */
    public static HistoryEntry entry(VerifyReport report, byte[] mainCf, List<String> command) {
        return new HistoryEntry(report.time(), OPERATION, "", "", ContentHash.of(mainCf), List.of(), List.of(),
                command, result(report));
    }

    /** {@code ok: ...} or {@code failed: ...}, one line. */
    public static String result(VerifyReport report) {
        String at = report.target().address();
        String algorithms = report.algorithms().stream().map(a -> a.algorithm().postfixName())
                .collect(Collectors.joining(" and "));
        if (report.ok()) {
            return "ok: " + at + " serves the deployed " + algorithms + " certificate"
                    + (report.algorithms().size() > 1 ? "s" : "")
                    + (report.tlsa().dns().isPresent() ? ", matching the published TLSA records" : "");
        }
        return "failed: " + at + ": " + report.problems().stream().map(Finding::code).distinct()
                .collect(Collectors.joining(", "));
    }

    /**
     * Appends the entry under the instance lock (a change in progress is never disturbed); returns
     * why it could not be recorded, if it could not (verify's result stands all the same).
     */
    public static Optional<String> record(FileStore files, Path configDirectory, HistoryEntry entry) {
        History history = new History(files, configDirectory);
        try (InstanceLock lock = InstanceLock.acquire(configDirectory)) {
            history.append(entry, configDirectory.resolve("main.cf"));
            return Optional.empty();
        } catch (PftlsException e) {
            return Optional.of(e.getMessage());
        } catch (IOException e) {
            return Optional.of("cannot write " + history.file() + ": " + IoMessages.reason(e));
        }
    }

    /** The newest verify entry of the log, judged against main.cf as it is now. */
    public static Optional<Last> latest(History.Log log, byte[] currentMainCf) {
        List<HistoryEntry> entries = log.entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            HistoryEntry e = entries.get(i);
            if (e.operation().equals(OPERATION) && !e.result().isEmpty()) {
                return Optional.of(new Last(e.time(), e.result().startsWith("ok"), e.result(),
                        !e.after().equals(ContentHash.of(currentMainCf))));
            }
        }
        return Optional.empty();
    }
}
