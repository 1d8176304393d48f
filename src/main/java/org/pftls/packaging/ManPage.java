package org.pftls.packaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The pftls(1) manual page in troff (man(7) macros), generated from the picocli command tree, so
 * that the page and {@code --help} are made from the same definitions and cannot drift apart.
 *
 * <p>Written directly rather than through picocli-codegen's AsciiDoc and Asciidoctor: that route
 * needs a Ruby (or JRuby) tool at every build, while this one needs nothing beyond the jar and
 * its output is checked by {@code groff -ww} in the tests.
 */
public final class ManPage {
    private final CommandLine top;
    private final String version;

    /**
     * @param top     the whole command tree (all subcommands registered)
     * @param version the version to print in the page footer, e.g. "0.1.0"
     */
    public ManPage(CommandLine top, String version) {
        this.top = top;
        this.version = version;
    }

    /** The page as troff source. */
    public String render() {
        CommandSpec spec = top.getCommandSpec();
        String name = spec.name();
        StringBuilder out = new StringBuilder();
        line(out, ".TH " + name.toUpperCase(Locale.ROOT) + " 1 \"\" \"" + name + " " + version + "\" \"User Commands\"");
        line(out, ".SH NAME");
        line(out, name + " \\- " + text(firstSentence(spec.usageMessage().description())));
        line(out, ".SH SYNOPSIS");
        synopsis(out, spec, name);
        line(out, ".SH DESCRIPTION");
        paragraphs(out, spec.usageMessage().description());
        line(out, ".SH OPTIONS");
        options(out, spec);
        line(out, ".SH SUBCOMMANDS");
        for (CommandLine sub : top.getSubcommands().values()) {
            CommandSpec s = sub.getCommandSpec();
            line(out, ".SS " + text(s.name()));
            synopsis(out, s, name + " " + s.name());
            paragraphs(out, s.usageMessage().description());
            options(out, s);
            positionals(out, s);
        }
        line(out, ".SH ENVIRONMENT");
        line(out, ".TP");
        line(out, ".B MAIL_CONFIG");
        line(out, "The Postfix configuration directory, when \\fB\\-c\\fR is not given.");
        line(out, ".SH EXIT STATUS");
        paragraphs(out, exitStatusLines(spec.usageMessage().footer()));
        line(out, ".SH FILES");
        line(out, ".TP");
        line(out, ".I /etc/postfix/main.cf");
        line(out, "The configuration file that enable-client, enable-server and deploy-server-cert change.");
        line(out, ".SH SEE ALSO");
        line(out, ".BR postfix (1),");
        line(out, ".BR postconf (5),");
        line(out, ".BR postfix-tls (1)");
        return out.toString();
    }

    private static void synopsis(StringBuilder out, CommandSpec spec, String command) {
        StringBuilder s = new StringBuilder();
        s.append(".B ").append(text(command)).append('\n');
        List<String> parts = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (o.hidden() || o.usageHelp() || o.versionHelp()) {
                continue;
            }
            parts.add("[" + optionWithLabel(o) + "]");
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden()) {
                parts.add(positional(p));
            }
        }
        if (spec.subcommands().size() > 0) {
            parts.add("\\fISUBCOMMAND\\fR ...");
        }
        if (!parts.isEmpty()) {
            s.append(String.join(" ", parts)).append('\n');
        }
        out.append(".PP\n").append(s);
    }

    private static void options(StringBuilder out, CommandSpec spec) {
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            line(out, ".TP");
            line(out, optionWithLabel(o));
            line(out, text(String.join(" ", o.description())));
        }
    }

    private static void positionals(StringBuilder out, CommandSpec spec) {
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.hidden()) {
                continue;
            }
            line(out, ".TP");
            line(out, positional(p));
            line(out, text(String.join(" ", p.description())));
        }
    }

    private static String optionWithLabel(OptionSpec o) {
        List<String> names = new ArrayList<>();
        for (String n : o.names()) {
            names.add("\\fB" + option(n) + "\\fR");
        }
        String s = String.join(", ", names);
        if (takesValue(o)) {
            s += " \\fI" + text(label(o)) + "\\fR";
        }
        return s;
    }

    private static boolean takesValue(ArgSpec a) {
        return a.arity().max() > 0;
    }

    private static String positional(PositionalParamSpec p) {
        String s = "\\fI" + text(label(p)) + "\\fR";
        if (p.arity().max() > 1) {
            s += " ...";
        }
        return p.arity().min() == 0 ? "[" + s + "]" : s;
    }

    private static String label(ArgSpec a) {
        return a.paramLabel().replaceAll("^<(.*)>$", "$1");
    }

    private static void paragraphs(StringBuilder out, String[] lines) {
        for (String l : lines) {
            if (l.isBlank()) {
                continue;
            }
            line(out, ".PP");
            line(out, text(l));
        }
    }

    private static String[] exitStatusLines(String[] footer) {
        List<String> kept = new ArrayList<>();
        for (String f : footer) {
            if (f.startsWith("Exit status")) {
                kept.add(f);
            }
        }
        return kept.toArray(new String[0]);
    }

    private static String firstSentence(String[] description) {
        String d = description.length == 0 ? "" : description[0];
        return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
    }

    /** An option name with its dashes as troff minus signs. */
    private static String option(String name) {
        return text(name).replace("-", "\\-");
    }

    /** Text made safe for troff: backslashes escaped, no line starting with a control character. */
    static String text(String s) {
        String t = s.replace("\\", "\\e");
        if (t.startsWith(".") || t.startsWith("'")) {
            t = "\\&" + t;
        }
        return t;
    }

    private static void line(StringBuilder out, String s) {
        out.append(s).append('\n');
    }
}
