package org.pftls.differential;

import java.util.List;

/**
 * What one tool did when run: exit status, stdout, and its messages (what it printed on the
 * terminal: stderr), one line each.
 */
record SideRun(int status, String stdout, List<String> messages) {
}
