package org.pftls.ui.flow;

import java.util.List;

/**
 * What applying (or keeping the files) did.
 *
 * @param changed       one line per created file or changed main.cf
 * @param messages      the messages, as the command line prints and logs them
 * @param mainCfChanged whether main.cf was changed (Postfix must reload to use it)
 */
public record Outcome(List<String> changed, List<String> messages, boolean mainCfChanged) {
    public Outcome {
        changed = List.copyOf(changed);
        messages = List.copyOf(messages);
    }
}
