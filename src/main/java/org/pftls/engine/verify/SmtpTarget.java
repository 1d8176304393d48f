package org.pftls.engine.verify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pftls.engine.config.MasterCf;

/**
 * Where verify connects, and why there: {@code --host}/{@code --port}, else the address and port
 * of master.cf's SMTP service ({@code smtp inet ... smtpd}, or postscreen in front of the
 * {@code smtpd pass} service), else 127.0.0.1:25.
 *
 * @param host      the address to connect to
 * @param port      the port
 * @param service   the master.cf service that listens there, if known (e.g. {@code 127.0.0.1:smtp})
 * @param origin    how the target was chosen, for people
 * @param overrides the service's {@code -o} settings of smtpd_tls_* and smtpd_use_tls/enforce_tls
 *                  (with postscreen: those of the smtpd pass service), name to value
 */
public record SmtpTarget(String host, int port, Optional<String> service, String origin,
                         Map<String, String> overrides) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int SMTP_PORT = 25;

    /** Chooses the target from the options (either may be empty) and master.cf (if it could be read). */
    public static SmtpTarget choose(Optional<String> host, Optional<Integer> port, Optional<MasterCf> master) {
        Optional<MasterCf.Service> service = master.flatMap(m -> smtpService(m, port));
        Map<String, String> overrides = new LinkedHashMap<>();
        service.ifPresent(s -> {
            if (s.command().equals("postscreen")) {
                master.get().service("smtpd", "pass").ifPresent(p -> overrides.putAll(tlsSettings(p)));
            }
            overrides.putAll(tlsSettings(s));
        });
        String h = host.orElseGet(() -> service.flatMap(MasterCf.Service::host).orElse(DEFAULT_HOST));
        int p = port.orElseGet(() -> service.flatMap(MasterCf.Service::portNumber).orElse(SMTP_PORT));
        String origin;
        if (host.isPresent() || port.isPresent()) {
            origin = "as given";
        } else if (service.isPresent()) {
            origin = "master.cf service " + service.get().name() + " (" + service.get().command() + ")";
        } else {
            origin = master.isPresent() ? "the SMTP port; master.cf has no smtpd inet service"
                    : "the SMTP port; master.cf cannot be read";
        }
        return new SmtpTarget(h, p, service.map(MasterCf.Service::name), origin, overrides);
    }

    /**
     * The inet service running smtpd or postscreen: on the given port if one is given; else the one
     * on port 25, else the first that is not submission (587) or wrapper mode (465).
     */
    static Optional<MasterCf.Service> smtpService(MasterCf master, Optional<Integer> port) {
        List<MasterCf.Service> smtpd = master.services().stream()
                .filter(s -> s.type().equals("inet"))
                .filter(s -> s.command().equals("smtpd") || s.command().equals("postscreen"))
                .toList();
        if (port.isPresent()) {
            return smtpd.stream().filter(s -> s.portNumber().equals(port)).findFirst();
        }
        Optional<MasterCf.Service> smtp = smtpd.stream().filter(s -> s.portNumber().equals(Optional.of(SMTP_PORT)))
                .findFirst();
        if (smtp.isPresent()) {
            return smtp;
        }
        return smtpd.stream()
                .filter(s -> !s.portNumber().equals(Optional.of(587)) && !s.portNumber().equals(Optional.of(465)))
                .filter(s -> !"yes".equals(s.overrides().get("smtpd_tls_wrappermode")))
                .findFirst();
    }

    private static Map<String, String> tlsSettings(MasterCf.Service s) {
        Map<String, String> out = new LinkedHashMap<>();
        s.overrides().forEach((name, value) -> {
            if (name.startsWith("smtpd_tls_") || name.equals("smtpd_use_tls") || name.equals("smtpd_enforce_tls")) {
                out.put(name, value);
            }
        });
        return out;
    }

    /** host:port, with brackets around an IPv6 address. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
