package org.pftls.engine.config;

import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.ports.HostNameSource;

/**
 * The check every Postfix program but postconf makes when it reads main.cf
 * ({@code global/mail_params.c}: mail_params_init): myhostname and mydomain, as those programs
 * compute them ({@link MyHostname#forMailPrograms()}), must be valid host names
 * ({@code util/valid_hostname.c}), or the program stops with "fatal: file DIR/main.cf: parameter
 * myhostname: bad parameter value: VALUE"; relayhost must not be myhostname either.
 * {@code postfix tls} therefore fails on such a main.cf
 * before it does anything (postfix(1) itself refuses to run); so does pftls. This is why
 * {@code myhostname = /etc/mailname} cannot be used: {@code /} is not allowed in a host name.
 */
public final class MailProgramHostNames {
    /** VALID_LABEL_LEN and VALID_HOSTNAME_LEN of valid_hostname.h. */
    private static final int MAX_LABEL = 63;
    private static final int MAX_NAME = 255;

    private MailProgramHostNames() {
    }

    /** Fails with Postfix's own complaint, plus the fix, unless myhostname, mydomain and relayhost pass. */
    public static void check(MainCf mainCf, HostNameSource hostNames) throws PftlsException {
        MyHostname computed = new MyHostname(mainCf, hostNames);
        String myhostname = computed.forMailPrograms();
        Optional<String> problem = problem(myhostname);
        if (problem.isPresent()) {
            String origin = mainCf.value("myhostname").isPresent() ? "" : " (the kernel host name " + hostNames.hostName()
                    + (hostNames.hostName().indexOf('.') < 0 ? " with .$mydomain appended" : "") + ")";
            throw bad(mainCf, "myhostname", myhostname + origin, problem.get(),
                    "set myhostname in main.cf to this host's fully qualified name, e.g. mail.example.com");
        }
        String mydomain = computed.mydomainForMailPrograms(myhostname);
        problem = problem(mydomain);
        if (problem.isPresent()) {
            throw bad(mainCf, "mydomain", mydomain, problem.get(),
                    "set mydomain in main.cf to this host's domain, e.g. example.com");
        }
        Optional<String> relayhost = mainCf.value("relayhost");
        if (relayhost.isPresent()) {
            ParameterLookup lookup = name -> switch (name) {
                case "myhostname" -> Optional.of(myhostname);
                case "mydomain" -> Optional.of(mydomain);
                default -> mainCf.value(name);
            };
            if (new Expander(lookup).expand(relayhost.get()).equalsIgnoreCase(myhostname)) {
                throw new PftlsException(Kind.CONFIG, "myhostname and relayhost parameter settings must not be"
                        + " identical: " + myhostname + " (Postfix refuses to run with that); fix relayhost in "
                        + mainCf.displayPath() + ", it names the mail relay to send through, not this host");
            }
        }
    }

    private static PftlsException bad(MainCf mainCf, String name, String value, String problem, String fix) {
        return new PftlsException(Kind.CONFIG, "file " + mainCf.displayPath() + ": parameter " + name
                + ": bad parameter value: " + value + " (" + problem + "; Postfix refuses to run with it); " + fix);
    }

    /** valid_hostname(): why the name is not a valid host name, or empty when it is. */
    static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("empty hostname");
        }
        int labelLength = 0;
        boolean nonNumeric = false;
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            boolean last = i + 1 == name.length();
            if (ch < 128 && (Character.isLetterOrDigit(ch) || ch == '_')) {
                labelLength++;
                if (labelLength > MAX_LABEL) {
                    return Optional.of("hostname label too long");
                }
                nonNumeric |= !Character.isDigit(ch);
            } else if (ch == '.') {
                if (labelLength == 0 || last) {
                    return Optional.of("misplaced delimiter");
                }
                labelLength = 0;
            } else if (ch == '-') {
                nonNumeric = true; // as observed with Postfix 3.7.11: "1-2" is accepted
                labelLength++;
                if (labelLength == 1 || last || name.charAt(i + 1) == '.') {
                    return Optional.of("misplaced hyphen");
                }
            } else {
                return Optional.of("invalid character " + (int) ch + "(decimal)");
            }
        }
        if (!nonNumeric) {
            return Optional.of("numeric hostname");
        }
        if (name.length() > MAX_NAME) {
            return Optional.of("bad length " + name.length());
        }
        return Optional.empty();
    }
}
