package org.pftls.engine.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.io.IOUtils;
import org.pftls.engine.ports.PostfixInstallation;

/**
 * Answers as Debian's Postfix 3.7.11 (package 3.7.11-0+deb12u1, amd64) does, without running
 * anything: for machines without Postfix, tests, and as the fallback of the postconf adapter.
 * <p>
 * The defaults table is the resource {@code postfix-3.7-defaults.cf}, generated once from
 * {@code postconf -d} of that package, minus host-specific values (myhostname and mydomain, which
 * {@link Parameters} computes with {@link MyHostname}; mynetworks, from the host's interfaces;
 * process_id). It is read on first use. The map types are {@code postconf -m} of that package
 * (Debian's built-in list; lmdb and other types come from separate packages), the key algorithms
 * {@code postconf -T public-key-algorithms}.
 */
public final class BuiltinPostfix37 implements PostfixInstallation {
    /** The Postfix these answers model, as Detect, status and the demo sandbox name it. */
    public static final String MODEL = "Debian 12's Postfix 3.7.11";
    static final String RESOURCE = "postfix-3.7-defaults.cf";
    private static final List<String> MAP_TYPES = List.of("btree", "cidr", "environ", "fail", "hash", "inline",
            "internal", "memcache", "nis", "pipemap", "proxy", "randmap", "regexp", "socketmap", "static", "tcp",
            "texthash", "unionmap", "unix");
    private static final Set<String> KEY_ALGORITHMS = Set.of("dsa", "ecdsa", "rsa");

    private Map<String, String> defaults;

    @Override
    public boolean installed() {
        return false;
    }

    @Override
    public Optional<String> defaultValue(String name) {
        return Optional.ofNullable(defaults().get(name));
    }

    /** The whole table, unmodifiable. */
    public synchronized Map<String, String> defaults() {
        if (defaults == null) {
            try (InputStream in = BuiltinPostfix37.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource missing from the build: " + RESOURCE);
                }
                defaults = Map.copyOf(parseDefaults(IOUtils.toString(in, StandardCharsets.ISO_8859_1)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
            }
        }
        return defaults;
    }

    @Override
    public List<String> mapTypes(Path configDirectory) {
        return MAP_TYPES;
    }

    @Override
    public Set<String> publicKeyAlgorithms() {
        return KEY_ALGORITHMS;
    }

    @Override
    public String mailVersion() {
        return defaultValue("mail_version").orElse("3.7.11");
    }

    /**
     * Parses {@code postconf -d} output: one {@code name = value} (or {@code name =}) per line;
     * lines starting with {@code #} and lines without " =" are ignored.
     */
    public static Map<String, String> parseDefaults(String text) {
        Map<String, String> result = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            int separator = line.indexOf(" =");
            if (separator <= 0) {
                continue;
            }
            String name = line.substring(0, separator);
            String rest = line.substring(separator + 2);
            if (!rest.isEmpty() && rest.charAt(0) != ' ') {
                continue;
            }
            result.put(name, rest.isEmpty() ? "" : rest.substring(1));
        }
        return result;
    }
}
