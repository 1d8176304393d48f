package org.pftls.engine.config;

import java.util.Optional;

import org.pftls.engine.PftlsException;
import org.pftls.engine.ports.HostNameSource;

/**
 * The {@code myhostname} and {@code mydomain} defaults, computed as postconf computes them
 * ({@code postconf/postconf_builtin.c}: pcf_check_myhostname, pcf_check_mydomainname):
 * <ul>
 * <li>myhostname: main.cf's value (expanded) when set; otherwise gethostname(), and when that has no
 *     {@code .}, {@code "." + mydomain} appended, with mydomain taken from main.cf (expanded) or
 *     {@code localdomain} (no DNS lookup);</li>
 * <li>mydomain default: the text after the first {@code .} of that myhostname, else
 *     {@code localdomain}.</li>
 * </ul>
 * Inside these two computations a {@code $name} is looked up in main.cf only, as Postfix's
 * mail_conf_lookup_eval() does (so {@code myhostname = $mydomain.x} with no mydomain in main.cf
 * gives mydomain {@code x} and myhostname {@code x.x}, exactly like postconf).
 */
public final class MyHostname {
    /** DEF_MYDOMAIN. */
    public static final String DEFAULT_DOMAIN = "localdomain";

    private final MainCf mainCf;
    private final HostNameSource hostNames;
    private final ParameterLookup mainCfOnly;

    public MyHostname(MainCf mainCf, HostNameSource hostNames) {
        this.mainCf = mainCf;
        this.hostNames = hostNames;
        this.mainCfOnly = mainCf::value;
    }

    /** The built-in default of myhostname (what {@code postconf -d myhostname} would say with this main.cf). */
    public String defaultMyhostname() throws PftlsException {
        String name = hostNames.hostName();
        if (name.indexOf('.') >= 0) {
            return name;
        }
        Optional<String> domain = evalMainCf("mydomain");
        return name + "." + domain.orElse(DEFAULT_DOMAIN);
    }

    /** The built-in default of mydomain: after the first dot of the effective myhostname. */
    public String defaultMydomain() throws PftlsException {
        Optional<String> fromMainCf = evalMainCf("myhostname");
        String host = fromMainCf.isPresent() ? fromMainCf.get() : defaultMyhostname();
        int dot = host.indexOf('.');
        return dot < 0 ? DEFAULT_DOMAIN : host.substring(dot + 1);
    }

    /**
     * myhostname as the other Postfix programs (postfix(1), the daemons, postlog) compute it in
     * mail_params_init: main.cf's value expanded against main.cf alone (so {@code $mydomain}
     * is empty unless main.cf sets mydomain), else the default.
     */
    public String forMailPrograms() throws PftlsException {
        Optional<String> own = evalMainCf("myhostname");
        return own.isPresent() ? own.get() : defaultMyhostname();
    }

    /**
     * mydomain as those programs compute it, after myhostname: main.cf's value expanded against
     * main.cf and that myhostname, else the text after the first dot of myhostname, else
     * {@code localdomain}.
     */
    public String mydomainForMailPrograms(String myhostname) throws PftlsException {
        Optional<String> raw = mainCf.value("mydomain");
        if (raw.isPresent()) {
            ParameterLookup lookup = name -> name.equals("myhostname") ? Optional.of(myhostname) : mainCf.value(name);
            return new Expander(lookup).expand(raw.get());
        }
        int dot = myhostname.indexOf('.');
        return dot < 0 ? DEFAULT_DOMAIN : myhostname.substring(dot + 1);
    }

    /** mail_conf_lookup_eval(): main.cf value expanded against main.cf only. */
    private Optional<String> evalMainCf(String name) throws PftlsException {
        Optional<String> raw = mainCf.value(name);
        if (raw.isEmpty()) {
            return raw;
        }
        return Optional.of(new Expander(mainCfOnly).expand(raw.get()));
    }
}
