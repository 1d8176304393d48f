package org.pftls.engine.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.pftls.engine.PftlsException;
import org.pftls.engine.config.MasterCf;
import org.pftls.engine.config.Parameters;

/**
 * The {@code -o} options in master.cf that make an SMTP server on port 25, 465 or 587 serve
 * another certificate than main.cf deploys, or no TLS at all. pftls never edits master.cf: it
 * shows them (Detect, {@code status} as a problem, Review) so that a change to main.cf is not
 * silently shadowed.
 *
 * <p>The services looked at: inet services on those ports running smtpd, and, when port 25 is
 * served by postscreen, the {@code pass} services running smtpd (they take the connections
 * postscreen hands over).
 */
public final class MasterCfOverrides {
    /** Parameters that choose the certificate and key smtpd serves. */
    static final Set<String> CERTIFICATE_PARAMETERS = Set.of("smtpd_tls_cert_file", "smtpd_tls_key_file",
            "smtpd_tls_eccert_file", "smtpd_tls_eckey_file", "smtpd_tls_dcert_file", "smtpd_tls_dkey_file",
            "smtpd_tls_chain_files");
    /** Parameters that decide whether smtpd offers TLS. */
    static final Set<String> LEVEL_PARAMETERS = Set.of("smtpd_tls_security_level", "smtpd_use_tls",
            "smtpd_enforce_tls");
    private static final Set<Integer> PORTS = Set.of(25, 465, 587);

    /**
     * One override that matters.
     *
     * @param service   the master.cf service name, e.g. {@code submission}
     * @param port      the TCP port it listens on (25 for a postscreen pass service)
     * @param line      the line of master.cf where the service starts
     * @param parameter the overridden parameter
     * @param value     its value in master.cf
     * @param problem   one line: what it does and the fix
     */
    public record Override(String service, int port, int line, String parameter, String value, String problem) {
    }

    private final Instance instance;

    public MasterCfOverrides(Instance instance) {
        this.instance = instance;
    }

    /** The overrides that change the served certificate or turn TLS off; empty without master.cf. */
    public List<Override> find() {
        Path file = instance.configDirectory().resolve("master.cf");
        MasterCf master;
        try {
            if (!instance.ports().files().isRegularFile(file)) {
                return List.of();
            }
            master = MasterCf.parse(new String(instance.ports().files().read(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return List.of();
        }
        boolean postscreen = master.services().stream().anyMatch(s -> portOf(s) == 25
                && s.command().equals("postscreen"));
        List<Override> found = new ArrayList<>();
        for (MasterCf.Service s : master.services()) {
            if (!s.command().equals("smtpd")) {
                continue;
            }
            int port;
            if (s.type().equals("pass") && postscreen) {
                port = 25;
            } else if (PORTS.contains(portOf(s))) {
                port = portOf(s);
            } else {
                continue;
            }
            found.addAll(check(s, port));
        }
        return found;
    }

    private static int portOf(MasterCf.Service s) {
        return s.type().equals("inet") ? s.portNumber().orElse(0) : 0;
    }

    private List<Override> check(MasterCf.Service s, int port) {
        List<Override> found = new ArrayList<>();
        Map<String, String> o = s.overrides();
        if (o.keySet().stream().noneMatch(n -> CERTIFICATE_PARAMETERS.contains(n) || LEVEL_PARAMETERS.contains(n))) {
            return found;
        }
        Parameters main = instance.parameters();
        Parameters service = new Parameters(main.mainCf().withOverrides(o), instance.ports().postfix(),
                instance.configDirectory(), instance.ports().hostNames());
        String where = "master.cf line " + s.line() + " (service " + s.name() + ", port " + port + ")";
        String fix = "; pftls changes only main.cf: remove that -o option from master.cf (then postfix reload),"
                + " or set the same value there";
        for (Map.Entry<String, String> e : o.entrySet()) {
            if (!CERTIFICATE_PARAMETERS.contains(e.getKey())) {
                continue;
            }
            String inMain = expandedOrEmpty(main, e.getKey());
            String inService = expandedOrEmpty(service, e.getKey());
            if (!Objects.equals(inMain, inService)) {
                found.add(new Override(s.name(), port, s.line(), e.getKey(), e.getValue(), where + " sets -o "
                        + e.getKey() + "=" + e.getValue() + ": that service serves another certificate than main.cf"
                        + " deploys" + fix));
            }
        }
        try {
            TlsLevel mainLevel = TlsLevel.of(main, TlsLevel.Side.SERVER);
            TlsLevel serviceLevel = TlsLevel.of(service, TlsLevel.Side.SERVER);
            if (serviceLevel.off() && !mainLevel.off()) {
                String name = LEVEL_PARAMETERS.stream().filter(o::containsKey).sorted().findFirst().orElseThrow();
                found.add(new Override(s.name(), port, s.line(), name, o.get(name), where + " sets -o " + name + "="
                        + o.get(name) + ": that service offers no STARTTLS although main.cf enables TLS" + fix));
            }
        } catch (PftlsException e) {
            // a value that cannot be expanded: postconf reports it; nothing to compare here
        }
        return found;
    }

    private static String expandedOrEmpty(Parameters p, String name) {
        try {
            return p.expanded(name);
        } catch (PftlsException e) {
            return "";
        }
    }
}
