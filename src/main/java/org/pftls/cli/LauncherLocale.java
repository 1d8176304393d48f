package org.pftls.cli;

import java.util.HashMap;
import java.util.Map;

/**
 * The launcher starts the JVM with {@code LC_ALL=C.UTF-8} so that file names and the command line
 * are read as their UTF-8 bytes even under {@code LANG=C} (see {@code dist/pftls}), and passes the
 * caller's own {@code LC_ALL} (empty when unset) in {@code PFTLS_LC_ALL}. This puts it back into
 * the environment pftls looks at, so that what pftls decides from the locale (the wizard's line
 * drawing) follows the caller's terminal, not the launcher's choice.
 */
public final class LauncherLocale {
    static final String SAVED = "PFTLS_LC_ALL";

    private LauncherLocale() {
    }

    /** The caller's environment: {@code env} with LC_ALL as it was before the launcher set it. */
    public static Map<String, String> callersEnvironment(Map<String, String> env) {
        String saved = env.get(SAVED);
        if (saved == null) {
            return env;
        }
        Map<String, String> out = new HashMap<>(env);
        out.remove(SAVED);
        if (saved.isEmpty()) {
            out.remove("LC_ALL");
        } else {
            out.put("LC_ALL", saved);
        }
        return out;
    }
}
