package org.pftls.engine.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * master.cf as the master daemon reads it (master/master_ent.c): logical lines (a line starting
 * with whitespace continues the previous one; blank and {@code #} lines are skipped), eight fields
 * (service, type, private, unpriv, chroot, wakeup, maxproc, command) and the command's arguments,
 * where a {@code {...}} group is one argument with the braces and outer spaces stripped. The
 * daemons read {@code -o name=value} (also {@code -oname=value} and {@code -o { name = value }})
 * as a main.cf setting that applies to that service only.
 */
public final class MasterCf {
    private static final int FIELDS = 8;

    /**
     * One service entry.
     *
     * @param name      the service field, e.g. {@code smtp}, {@code 127.0.0.1:2525}, {@code submission}
     * @param type      inet, unix, unix-dgram, fifo, pass
     * @param command   the command's name, e.g. {@code smtpd}, {@code postscreen}
     * @param overrides the {@code -o} settings in order (the last of a name wins), values trimmed
     * @param line      the number of the line where the entry starts
     */
    public record Service(String name, String type, String command, Map<String, String> overrides, int line) {

        /**
         * The TCP port of an inet service: the number, or a well-known SMTP service name
         * (smtp 25, submission 587, submissions/smtps/ssmtp 465), after an optional host part
         * ({@code host:port}, {@code [ipv6]:port}); empty for other types or unknown names.
         */
        public Optional<Integer> port() {
            if (!type.equals("inet")) {
                return Optional.empty();
            }
            String p = name;
            int colon = p.lastIndexOf(':');
            if (colon >= 0) {
                p = p.substring(colon + 1);
            }
            if (p.matches("[0-9]{1,5}")) {
                return Optional.of(Integer.parseInt(p));
            }
            return switch (p.toLowerCase(Locale.ROOT)) {
                case "smtp" -> Optional.of(25);
                case "submission" -> Optional.of(587);
                case "submissions", "smtps", "ssmtp", "urd" -> Optional.of(465);
                default -> Optional.empty();
            };
        }
    }

    private final List<Service> services;

    private MasterCf(List<Service> services) {
        this.services = List.copyOf(services);
    }

    /** Every service entry, in file order. */
    public List<Service> services() {
        return services;
    }

    /** Parses master.cf; entries with fewer than eight fields are skipped (the master daemon would refuse them). */
    public static MasterCf parse(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        List<Service> services = new ArrayList<>();
        StringBuilder logical = null;
        int start = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0))) {
                if (logical != null) {
                    logical.append(' ').append(line);
                }
                continue;
            }
            if (logical != null) {
                entry(logical.toString(), start).ifPresent(services::add);
            }
            logical = new StringBuilder(line);
            start = i + 1;
        }
        if (logical != null) {
            entry(logical.toString(), start).ifPresent(services::add);
        }
        return new MasterCf(services);
    }

    private static Optional<Service> entry(String text, int line) {
        List<String> words = words(text);
        if (words.size() < FIELDS) {
            return Optional.empty();
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = FIELDS; i < words.size(); i++) {
            String w = words.get(i);
            String setting = null;
            if (w.equals("-o") && i + 1 < words.size()) {
                setting = words.get(++i);
            } else if (w.startsWith("-o") && w.length() > 2) {
                setting = w.substring(2);
            }
            if (setting != null) {
                int eq = setting.indexOf('=');
                if (eq > 0) {
                    overrides.put(setting.substring(0, eq).strip(), setting.substring(eq + 1).strip());
                }
            }
        }
        return Optional.of(new Service(words.get(0), words.get(1), baseName(words.get(7)), overrides, line));
    }

    private static String baseName(String command) {
        int slash = command.lastIndexOf('/');
        return slash >= 0 ? command.substring(slash + 1) : command;
    }

    /** Splits on blanks; a {...} group (balanced) is one word without its braces and outer blanks. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
                continue;
            }
            if (c == '{') {
                int depth = 0;
                int j = i;
                for (; j < n; j++) {
                    if (text.charAt(j) == '{') {
                        depth++;
                    } else if (text.charAt(j) == '}' && --depth == 0) {
                        break;
                    }
                }
                words.add(text.substring(i + 1, Math.min(j, n)).strip());
                i = j + 1;
                continue;
            }
            int j = i;
            while (j < n && " \t\r\n".indexOf(text.charAt(j)) < 0) {
                j++;
            }
            words.add(text.substring(i, j));
            i = j;
        }
        return words;
    }
}
