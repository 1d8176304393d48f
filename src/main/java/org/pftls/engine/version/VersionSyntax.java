package org.pftls.engine.version;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.config.MainCf;
import org.pftls.engine.ports.PostfixInstallation;

/**
 * main.cf syntax that the installed Postfix is too old to read. pftls's parser and expander know
 * the newest syntax; an older Postfix refuses such a main.cf altogether (its postconf stops with
 * "macro processing error", its daemons with a fatal error), so pftls refuses it too, naming the
 * version and the fix, instead of editing an instance that cannot run. Known today:
 * <ul>
 * <li>the compatibility-level comparisons {@code ${{$compatibility_level} <level {3.6} ? ...}}
 *     ({@code ==level}, {@code !=level}, {@code <level}, {@code <=level}, {@code >level},
 *     {@code >=level}): Postfix 3.6 and later.</li>
 * </ul>
 * The text is scanned first; the installed version (which may cost a {@code postconf -d}) is
 * asked only when such syntax is there.
 */
public final class VersionSyntax {
    /** Compiled only when a value holds "level" at all: every start pays for this check. */
    private static final String LEVEL_OPERATOR = "\\$\\{\\{.*?\\}\\s*(==|!=|<=|>=|<|>)level\\s*\\{";
    private static final String LEVEL_OPERATORS = "3.6";

    private VersionSyntax() {
    }

    /** Fails when main.cf uses syntax the installed Postfix does not know. */
    public static void check(MainCf mainCf, PostfixInstallation postfix) throws PftlsException {
        for (Map.Entry<String, String> e : mainCf.values().entrySet()) {
            if (!e.getValue().contains("level")) {
                continue;
            }
            Matcher m = Pattern.compile(LEVEL_OPERATOR).matcher(e.getValue());
            if (!m.find()) {
                continue;
            }
            PostfixVersion version = PostfixVersion.of(postfix.mailVersion());
            if (version.known() && !version.atLeast(PostfixVersion.of(LEVEL_OPERATORS))) {
                throw new PftlsException(Kind.CONFIG, mainCf.displayPath() + ": " + e.getKey() + " uses the"
                        + " compatibility level comparison " + m.group(1) + "level, which Postfix " + version
                        + " does not support (it came with Postfix 3.6), so this Postfix cannot read main.cf; fix "
                        + e.getKey() + ", or give the programs of a newer Postfix with --postfix-bin");
            }
        }
    }
}
