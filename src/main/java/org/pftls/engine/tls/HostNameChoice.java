package org.pftls.engine.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.config.MainCfText;
import org.pftls.engine.crypto.HostNames;
import org.pftls.engine.plan.IoMessages;

/**
 * The host names for a certificate or CSR: the ones given, else {@code myhostname} as Postfix
 * computes it (a value starting with {@code /} names a file whose content is the name).
 */
final class HostNameChoice {
    private HostNameChoice() {
    }

    /** The script's set_fqdn: myhostname, expanded, read from a file when it is a path. */
    static String myhostname(Instance instance) throws PftlsException {
        String value = instance.parameters().expanded("myhostname");
        if (value.startsWith("/")) {
            Path file;
            try {
                file = Path.of(MainCfText.toText(value, instance.ports().files().nameCharset()));
            } catch (CharacterCodingException | InvalidPathException e) {
                throw new PftlsException(Kind.CONFIG, "myhostname names a file whose name this system cannot open"
                        + " (not valid " + instance.ports().files().nameCharset() + "); fix myhostname in main.cf", e);
            }
            try {
                value = new String(instance.ports().files().read(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new PftlsException(Kind.CONFIG, "myhostname names the file " + file + ", which cannot be read: "
                        + IoMessages.reason(e) + "; fix myhostname in main.cf or give the host name on the command line",
                        e);
            }
            value = value.replaceAll("\n+$", "");
        }
        return value;
    }

    /** The given names (validated), or myhostname when none is given. */
    static List<String> resolve(List<String> given, Instance instance) throws PftlsException {
        List<String> names = new ArrayList<>(given);
        if (names.isEmpty() || names.get(0).isEmpty()) {
            String mine = myhostname(instance);
            if (names.isEmpty()) {
                names.add(mine);
            } else {
                names.set(0, mine);
            }
            try {
                HostNames.validate(mine);
            } catch (PftlsException e) {
                throw new PftlsException(Kind.CONFIG, "myhostname in " + instance.mainCfPath() + " is not usable in a"
                        + " certificate: " + e.getMessage() + "; fix myhostname or give host names on the command line");
            }
        }
        return HostNames.validateAll(names);
    }
}
