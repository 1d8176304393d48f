package org.pftls.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A compiled terminfo entry (term(5)), found where ncurses looks for it and read just far enough to
 * tell which string capabilities it has: what the front-end choice needs to know about TERM,
 * without starting JLine (whose terminal set-up, provider search, {@code java.util.logging} and
 * {@code infocmp} run cost ~70 ms of the wizard's first 300).
 *
 * <p>Search order, as ncurses: {@code $TERMINFO}, {@code ~/.terminfo}, each directory of
 * {@code $TERMINFO_DIRS} (an empty element meaning the system directories), then
 * {@code /etc/terminfo}, {@code /lib/terminfo}, {@code /usr/share/terminfo}; in each, the entry is
 * {@code c/NAME} or {@code XX/NAME} (c the first character of NAME, XX its code in hex). Both the
 * legacy format (magic 0432, 16-bit numbers) and ncurses 6's extended format (magic 01036,
 * 32-bit numbers) are read. {@code TerminfoEntryTest} compares the answers with {@code infocmp}'s
 * for every entry installed.
 */
final class TerminfoEntry {
    /** Index of {@code cup} (cursor_address) among the predefined string capabilities. */
    static final int CURSOR_ADDRESS = 10;
    private static final List<String> SYSTEM_DIRECTORIES = List.of("/etc/terminfo", "/lib/terminfo",
            "/usr/share/terminfo");
    private static final int LEGACY_MAGIC = 0432;
    private static final int EXTENDED_MAGIC = 01036;

    private final byte[] data;
    private final int stringOffsets;
    private final int stringCount;

    private TerminfoEntry(byte[] data, int stringOffsets, int stringCount) {
        this.data = data;
        this.stringOffsets = stringOffsets;
        this.stringCount = stringCount;
    }

    /** The entry for a terminal type, if the terminfo database has one that can be read. */
    static Optional<TerminfoEntry> find(String type, Map<String, String> env) {
        if (type.isEmpty() || type.contains("/") || type.startsWith(".")) {
            return Optional.empty();
        }
        for (String directory : directories(env)) {
            for (String sub : new String[] {type.substring(0, 1), Integer.toHexString(type.charAt(0))}) {
                Path file = Path.of(directory, sub, type);
                try {
                    if (Files.isRegularFile(file)) {
                        Optional<TerminfoEntry> entry = parse(Files.readAllBytes(file));
                        if (entry.isPresent()) {
                            return entry;
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // unreadable here: go on looking, as ncurses does
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> directories(Map<String, String> env) {
        List<String> dirs = new ArrayList<>();
        String terminfo = env.get("TERMINFO");
        if (terminfo != null && !terminfo.isEmpty()) {
            dirs.add(terminfo);
        }
        String home = env.get("HOME");
        if (home != null && !home.isEmpty()) {
            dirs.add(home + "/.terminfo");
        }
        String list = env.get("TERMINFO_DIRS");
        if (list != null && !list.isEmpty()) {
            for (String d : list.split(":", -1)) {
                if (d.isEmpty()) {
                    dirs.addAll(SYSTEM_DIRECTORIES);
                } else {
                    dirs.add(d);
                }
            }
        }
        dirs.addAll(SYSTEM_DIRECTORIES);
        return dirs;
    }

    /** A compiled entry, or empty when the bytes are not one. */
    static Optional<TerminfoEntry> parse(byte[] data) {
        if (data.length < 12) {
            return Optional.empty();
        }
        int magic = shortAt(data, 0);
        int numberSize;
        if (magic == LEGACY_MAGIC) {
            numberSize = 2;
        } else if (magic == EXTENDED_MAGIC) {
            numberSize = 4;
        } else {
            return Optional.empty();
        }
        int namesSize = shortAt(data, 2);
        int boolCount = shortAt(data, 4);
        int numCount = shortAt(data, 6);
        int strCount = shortAt(data, 8);
        int strTableSize = shortAt(data, 10);
        if (namesSize < 0 || boolCount < 0 || numCount < 0 || strCount < 0 || strTableSize < 0) {
            return Optional.empty();
        }
        int offset = 12 + namesSize + boolCount;
        if (offset % 2 != 0) {
            offset++; // numbers start on an even byte
        }
        offset += numCount * numberSize;
        if (offset + strCount * 2 + strTableSize > data.length) {
            return Optional.empty();
        }
        return Optional.of(new TerminfoEntry(data, offset, strCount));
    }

    /** Whether predefined string capability number {@code index} is present (not absent, not cancelled). */
    boolean hasString(int index) {
        if (index < 0 || index >= stringCount) {
            return false;
        }
        int value = shortAt(data, stringOffsets + 2 * index);
        return value >= 0; // -1 absent, -2 cancelled
    }

    /** Little-endian signed 16-bit value. */
    private static int shortAt(byte[] data, int offset) {
        return (short) ((data[offset] & 0xff) | (data[offset + 1] & 0xff) << 8);
    }
}
