package org.pftls.ui.screen;

import com.googlecode.lanterna.graphics.PropertyTheme;
import com.googlecode.lanterna.graphics.Theme;
import com.googlecode.lanterna.gui2.AbstractTextGUI;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lanterna theme for a {@link DisplayStyle}: Lanterna's default theme, with every line-drawing
 * and scroll-bar glyph replaced by ASCII when the terminal is not UTF-8, and every colour replaced
 * by the terminal's default (selection shown in reverse video) when NO_COLOR is set.
 */
final class WizardTheme {
    private static final String DEFAULT_THEME = "/default-theme.properties";
    private static final Pattern CHAR_KEY = Pattern.compile(".*\\.char\\[([A-Z_]+)]");
    private static final Pattern COLOR_KEY = Pattern.compile("(.*\\.)?(foreground|background)(\\[[A-Z]+])?");

    private WizardTheme() {
    }

    static Theme of(DisplayStyle style) {
        Properties p = defaults();
        if (!style.unicode()) {
            asciiGlyphs(p);
        }
        if (!style.color()) {
            monochrome(p);
        }
        noHotkeyLetters(p);
        return new PropertyTheme(p);
    }

    private static Properties defaults() {
        Properties p = new Properties();
        try (InputStream in = AbstractTextGUI.class.getResourceAsStream(DEFAULT_THEME)) {
            if (in == null) {
                throw new IllegalStateException("Lanterna's " + DEFAULT_THEME + " is missing from the class path");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /**
     * Lanterna draws a button's first letter like a hotkey (PRELIGHT, or ACTIVE with the focus), but
     * buttons have none: the letter is drawn as the rest of the label (the quit question's keys are
     * named in its help line).
     */
    private static void noHotkeyLetters(Properties p) {
        String button = "com.googlecode.lanterna.gui2.Button.";
        for (String[] same : new String[][] {{"PRELIGHT", ""}, {"ACTIVE", "[SELECTED]"}}) {
            for (String part : new String[] {"foreground", "background", "sgr"}) {
                String value = p.getProperty(button + part + same[1], p.getProperty(part + same[1],
                        part.equals("sgr") ? "" : p.getProperty(part)));
                p.setProperty(button + part + "[" + same[0] + "]", value);
            }
        }
    }

    private static void asciiGlyphs(Properties p) {
        for (String key : p.stringPropertyNames()) {
            Matcher m = CHAR_KEY.matcher(key);
            String value = p.getProperty(key);
            if (m.matches() && !value.isEmpty() && value.charAt(0) > 0x7f) {
                p.setProperty(key, asciiFor(m.group(1)));
            }
        }
        // Not in the default properties: Lanterna falls back to Unicode box characters.
        p.setProperty("com.googlecode.lanterna.gui2.Separator.char[HORIZONTAL]", "-");
        p.setProperty("com.googlecode.lanterna.gui2.Separator.char[VERTICAL]", "|");
    }

    private static String asciiFor(String part) {
        if (part.contains("CORNER")) {
            return "+";
        }
        return switch (part) {
            case "VERTICAL_LINE" -> "|";
            case "UP_ARROW" -> "^";
            case "DOWN_ARROW" -> "v";
            case "LEFT_ARROW" -> "<";
            case "RIGHT_ARROW" -> ">";
            case "VERTICAL_BACKGROUND", "HORIZONTAL_BACKGROUND" -> ":";
            default -> part.contains("TRACKER") ? "#" : "-";
        };
    }

    private static void monochrome(Properties p) {
        for (String key : p.stringPropertyNames()) {
            if (COLOR_KEY.matcher(key).matches()) {
                p.setProperty(key, "default");
            }
        }
        // Without colour, what has the focus is shown in reverse video, and a text field is underlined.
        p.setProperty("sgr[SELECTED]", "reverse");
        p.setProperty("sgr[ACTIVE]", "reverse");
        p.setProperty("sgr[PRELIGHT]", "bold");
        for (String component : new String[] {"Button", "RadioBoxList", "CheckBoxList", "ComboBox",
            "table.Table", "menu.MenuItem", "AbstractBorder", "DefaultWindowDecorationRenderer"}) {
            String prefix = "com.googlecode.lanterna.gui2." + component;
            p.remove(prefix + ".sgr[SELECTED]");
            p.remove(prefix + ".sgr[ACTIVE]");
        }
        p.setProperty("com.googlecode.lanterna.gui2.Button.sgr[SELECTED]", "reverse");
        p.setProperty("com.googlecode.lanterna.gui2.Button.sgr[ACTIVE]", "reverse");
        p.setProperty("com.googlecode.lanterna.gui2.AbstractBorder.sgr[ACTIVE]", "");
        p.setProperty("com.googlecode.lanterna.gui2.DefaultWindowDecorationRenderer.sgr[ACTIVE]", "");
        p.setProperty("com.googlecode.lanterna.gui2.RadioBoxList.sgr[SELECTED]", "");
        p.setProperty("com.googlecode.lanterna.gui2.TextBox.sgr", "underline");
        p.setProperty("com.googlecode.lanterna.gui2.TextBox.sgr[ACTIVE]", "underline,bold");
        p.setProperty("com.googlecode.lanterna.gui2.ProgressBar.char[FILLER]", "#");
        p.setProperty("com.googlecode.lanterna.gui2.GUIBackdrop.sgr", "");
        p.setProperty("com.googlecode.lanterna.gui2.WindowShadowRenderer.sgr", "");
    }
}
