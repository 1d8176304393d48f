package org.pftls.ui.screen;

/** The sizes the wizard is laid out for. */
final class Dimensions {
    /** The smallest terminal the wizard draws its steps on; below it, it explains and waits. */
    static final int MIN_COLUMNS = 80;
    static final int MIN_ROWS = 24;
    /** Prose is wrapped at this width: it fits inside the window frame on an 80-column terminal. */
    static final int TEXT_WIDTH = 76;

    private Dimensions() {
    }
}
