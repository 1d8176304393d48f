package org.pftls.engine.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * master.cf as master(5) reads it: one service per logical line (a line starting with white space
 * continues the one before; blank lines and lines whose first non-blank character is {@code #} are
 * comments), fields separated by white space, and since Postfix 3.0 a command argument may be
 * written as <code>{ text with spaces }</code>. Only what pftls needs is kept: the service name and
 * type, the command, its arguments and its {@code -o name=value} overrides of main.cf.
 */
public final class MasterCf {
    private final List<Service> services;

    private MasterCf(List<Service> services) {
        this.services = List.copyOf(services);
    }

    /**
     * One service.
     *
     * @param name      the service name, e.g. {@code smtp}, {@code 127.0.0.1:2525}, {@code [::1]:smtp}
     * @param type      inet, unix, unix-dgram, fifo, pass
     * @param command   the command name, e.g. {@code smtpd}, {@code postscreen}
     * @param arguments the command's arguments, as written (braces removed)
     * @param overrides the {@code -o name=value} settings, in order (a later one wins)
     * @param line      the number of the line where the service starts
     */
    public record Service(String name, String type, String command, List<String> arguments,
                          Map<String, String> overrides, int line) {
        public Service {
            arguments = List.copyOf(arguments);
            overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        }

        /** For an inet service: the host part of {@code host:port}, if any ({@code [::1]} without brackets). */
        public Optional<String> host() {
            int colon = hostSeparator();
            if (colon < 0) {
                return Optional.empty();
            }
            String h = name.substring(0, colon);
            if (h.startsWith("[") && h.endsWith("]")) {
                h = h.substring(1, h.length() - 1);
            }
            return h.isEmpty() || h.equals("*") ? Optional.empty() : Optional.of(h);
        }

        /** For an inet service: the port part, a number or a service name such as {@code smtp}. */
        public String port() {
            int colon = hostSeparator();
            return colon < 0 ? name : name.substring(colon + 1);
        }

        /** The port as a number: digits, or one of the mail service names; empty when unknown. */
        public Optional<Integer> portNumber() {
            String p = port().toLowerCase(Locale.ROOT);
            if (!p.isEmpty() && p.chars().allMatch(Character::isDigit) && p.length() <= 5) {
                int n = Integer.parseInt(p);
                return n > 0 && n < 65536 ? Optional.of(n) : Optional.empty();
            }
            return switch (p) {
                case "smtp" -> Optional.of(25);
                case "submission" -> Optional.of(587);
                case "smtps", "submissions", "urd" -> Optional.of(465);
                default -> Optional.empty();
            };
        }

        private int hostSeparator() {
            if (name.startsWith("[")) {
                int close = name.indexOf(']');
                return close >= 0 && close + 1 < name.length() && name.charAt(close + 1) == ':' ? close + 1 : -1;
            }
            return name.lastIndexOf(':');
        }
    }

    public List<Service> services() {
        return services;
    }

    /** The first service of that name and type. */
    public Optional<Service> service(String name, String type) {
        return services.stream().filter(s -> s.name().equals(name) && s.type().equals(type)).findFirst();
    }

    /** Parses master.cf; lines that are not a service (too few fields) are skipped, as master(8) warns and skips. */
    public static MasterCf parse(String text) {
        List<Service> services = new ArrayList<>();
        StringBuilder logical = null;
        int start = 0;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            boolean continuation = Character.isWhitespace(line.charAt(0));
            if (continuation && logical != null) {
                logical.append(' ').append(stripped);
                continue;
            }
            addService(logical, start, services);
            logical = new StringBuilder(stripped);
            start = i + 1;
        }
        addService(logical, start, services);
        return new MasterCf(services);
    }

    private static void addService(StringBuilder logical, int line, List<Service> services) {
        if (logical == null) {
            return;
        }
        List<String> fields = fields(logical.toString());
        if (fields.size() < 8) {
            return;
        }
        List<String> arguments = fields.subList(8, fields.size());
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            String a = arguments.get(i);
            String setting = null;
            if (a.equals("-o") && i + 1 < arguments.size()) {
                setting = arguments.get(++i);
            } else if (a.startsWith("-o") && a.length() > 2) {
                setting = a.substring(2);
            }
            if (setting != null) {
                int eq = setting.indexOf('=');
                if (eq > 0) {
                    overrides.put(setting.substring(0, eq).strip(), setting.substring(eq + 1).strip());
                }
            }
        }
        services.add(new Service(fields.get(0), fields.get(1), baseName(fields.get(7)), arguments, overrides, line));
    }

    /** The command's name without a directory (master.cf may give a path). */
    private static String baseName(String command) {
        int slash = command.lastIndexOf('/');
        return slash >= 0 ? command.substring(slash + 1) : command;
    }

    /** White-space separated fields; <code>{ ... }</code> is one field (braces and outer blanks removed). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            if (line.charAt(i) == '{') {
                int depth = 0;
                int start = i;
                for (; i < n; i++) {
                    char c = line.charAt(i);
                    if (c == '{') {
                        depth++;
                    } else if (c == '}' && --depth == 0) {
                        break;
                    }
                }
                out.add(line.substring(start + 1, Math.min(i, n)).strip());
                i++;
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
                out.add(line.substring(start, i));
            }
        }
        return out;
    }
}
