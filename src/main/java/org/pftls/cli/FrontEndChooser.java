package org.pftls.cli;

import java.util.Map;

/**
 * Which wizard to run when no subcommand is given: full screen on a capable terminal of at least
 * 80x24, line mode on a dumb or small terminal or with --plain, none without a terminal.
 * (First version: only the decisions that need no terminal probing.)
 */
final class FrontEndChooser {
    enum FrontEnd { FULL_SCREEN, LINE, NONE }

    /** The decision and, for a fallback, the one-line reason to print. */
    record Choice(FrontEnd frontEnd, String reason) { }

    private final Map<String, String> env;

    FrontEndChooser(Map<String, String> env) {
        this.env = env;
    }

    Choice choose(boolean plain, boolean fullScreen) {
        if (System.console() == null) {
            return new Choice(FrontEnd.NONE, "no terminal: the wizard needs one (use ssh -t), or give a subcommand");
        }
        if (plain) {
            return new Choice(FrontEnd.LINE, "");
        }
        if (fullScreen) {
            return new Choice(FrontEnd.FULL_SCREEN, "");
        }
        String term = env.getOrDefault("TERM", "");
        if (term.isEmpty() || term.equals("dumb") || term.equals("unknown")) {
            return new Choice(FrontEnd.LINE, "TERM=" + term + " cannot do full screen: using line mode");
        }
        return new Choice(FrontEnd.FULL_SCREEN, "");
    }
}
