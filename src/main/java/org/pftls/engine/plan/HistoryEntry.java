package org.pftls.engine.plan;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One change pftls made, as recorded in the history file: when, which operation, the main.cf
 * backup taken just before (with the SHA-256 of main.cf before and after), the files it created,
 * the parameters it set, and the command line. One line of {@code key=value} fields separated by
 * tabs, values URL-encoded, so that any value survives and a line is complete or unreadable.
 *
 * @param time      when the change was applied (the injected clock)
 * @param operation the subcommand, e.g. {@code enable-server}, or {@code rollback}
 * @param backup    file name (in the configuration directory) of the copy of main.cf taken before
 *                  the change; empty when the change did not touch main.cf
 * @param before    SHA-256 of main.cf before (empty when main.cf was not touched)
 * @param after     SHA-256 of main.cf after (empty when main.cf was not touched)
 * @param created   the key and certificate files created
 * @param settings  the parameters set in main.cf, in order
 * @param command   the equivalent command line
 * @param result    for a check that changed nothing ({@code verify}): its result, starting with
 *                  {@code ok} or {@code failed}; empty for a change. Such an entry has no backup
 *                  (so history and rollback never take it for a change of main.cf) and records
 *                  main.cf's SHA-256 at the time in {@code after}.
 */
public record HistoryEntry(Instant time, String operation, String backup, String before, String after,
                           List<Path> created, List<Assignment> settings, List<String> command, String result) {

    /** A parameter set by a change: {@code name = value}. */
    public record Assignment(String name, String value) { }

    /** A change (no result). */
    public HistoryEntry(Instant time, String operation, String backup, String before, String after,
                        List<Path> created, List<Assignment> settings, List<String> command) {
        this(time, operation, backup, before, after, created, settings, command, "");
    }

    public HistoryEntry {
        result = result == null ? "" : result;
        created = List.copyOf(created);
        settings = List.copyOf(settings);
        command = List.copyOf(command);
    }

    /** True when this change replaced main.cf (and so can be rolled back). */
    public boolean changedMainCf() {
        return !backup.isEmpty() && !before.isEmpty() && !after.isEmpty();
    }

    /** The history line, without its newline. */
    public String toLine() {
        StringBuilder b = new StringBuilder();
        field(b, "time", UtcText.iso(time));
        field(b, "op", operation);
        if (changedMainCf()) {
            field(b, "backup", backup);
        }
        if (!before.isEmpty()) {
            field(b, "before", before);
        }
        if (!after.isEmpty()) {
            field(b, "after", after);
        }
        if (!result.isEmpty()) {
            field(b, "result", result);
        }
        created.forEach(p -> field(b, "file", p.toString()));
        settings.forEach(s -> rawField(b, "set", encode(s.name()) + "=" + encode(s.value())));
        command.forEach(w -> field(b, "arg", w));
        return b.toString();
    }

    /** Parses a line written by {@link #toLine}; empty when it is not one (comment, damaged). */
    public static Optional<HistoryEntry> parse(String line) {
        if (line.isEmpty() || line.startsWith("#")) {
            return Optional.empty();
        }
        Instant time = null;
        String op = null;
        String backup = "";
        String before = "";
        String after = "";
        String result = "";
        List<Path> created = new ArrayList<>();
        List<Assignment> settings = new ArrayList<>();
        List<String> command = new ArrayList<>();
        try {
            for (String field : line.split("\t", -1)) {
                int eq = field.indexOf('=');
                if (eq <= 0) {
                    return Optional.empty();
                }
                String key = field.substring(0, eq);
                String raw = field.substring(eq + 1);
                switch (key) {
                    case "time" -> time = Instant.parse(decode(raw));
                    case "op" -> op = decode(raw);
                    case "backup" -> backup = decode(raw);
                    case "before" -> before = decode(raw);
                    case "after" -> after = decode(raw);
                    case "file" -> created.add(Path.of(decode(raw)));
                    case "set" -> {
                        int e = raw.indexOf('=');
                        if (e <= 0) {
                            return Optional.empty();
                        }
                        settings.add(new Assignment(decode(raw.substring(0, e)), decode(raw.substring(e + 1))));
                    }
                    case "arg" -> command.add(decode(raw));
                    case "result" -> result = decode(raw);
                    default -> {
                        // a field from a later version: ignore it
                    }
                }
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
        if (time == null || op == null || op.isEmpty() || !backup.isEmpty() && (before.isEmpty() || after.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new HistoryEntry(time, op, backup, before, after, created, settings, command, result));
    }

    private static void field(StringBuilder b, String key, String value) {
        rawField(b, key, encode(value));
    }

    private static void rawField(StringBuilder b, String key, String encoded) {
        if (b.length() > 0) {
            b.append('\t');
        }
        b.append(key).append('=').append(encoded);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
