package org.pftls.ui.screen;

import java.util.Locale;
import java.util.Map;
import org.pftls.engine.UntrustedText;

/**
 * How the wizard may draw on this terminal: with Unicode line drawing or plain ASCII, with colour
 * or without. Decided from the environment only (Lanterna reads neither the locale nor NO_COLOR).
 *
 * @param unicode true when the locale says UTF-8 ({@code LC_ALL}, else {@code LC_CTYPE}, else {@code LANG})
 * @param color   false when {@code NO_COLOR} is set to a non-empty value
 */
record DisplayStyle(boolean unicode, boolean color) {

    /** The style the environment asks for. */
    static DisplayStyle from(Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        return new DisplayStyle(localeIsUtf8(env), noColor == null || noColor.isEmpty());
    }

    /** The locale as the C library decides it: the first non-empty of LC_ALL, LC_CTYPE, LANG. */
    static boolean localeIsUtf8(Map<String, String> env) {
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String value = env.get(name);
            if (value != null && !value.isEmpty()) {
                String v = value.toLowerCase(Locale.ROOT);
                return v.contains("utf-8") || v.contains("utf8");
            }
        }
        return false;
    }

    /** The dash between "pftls" and the step in the window title. */
    String dash() {
        return unicode ? "\u2014" : "-";
    }

    /** The separator between the steps of the step indicator. */
    String stepSeparator() {
        return unicode ? " \u203a " : " > ";
    }

    /** Arrow-key names for the help bar. */
    String upDown() {
        return unicode ? "\u2191\u2193" : "Up/Down";
    }

    /**
     * Text as it may be drawn, the one place every text on the screen passes: terminal controls
     * from outside (a file name, a certificate subject: ESC, CR, bidirectional overrides) escaped
     * as UntrustedText writes them ({@code \x1b}), since Lanterna refuses to draw a control character;
     * then, without Unicode, every character outside ASCII becomes '?', so nothing relies on the
     * terminal's character set. Line breaks a wrapped text is made of are kept.
     */
    String text(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int start = 0;
        for (int nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', start)) {
            b.append(UntrustedText.escape(s.substring(start, nl))).append('\n');
            start = nl + 1;
        }
        String escaped = b.append(UntrustedText.escape(s.substring(start))).toString();
        if (unicode) {
            return escaped;
        }
        StringBuilder ascii = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            ascii.append(c < 0x80 ? c : '?');
        }
        return ascii.toString();
    }
}
