package org.pftls.ui.line;

import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.pftls.ui.flow.WizardModel;

/**
 * Tab completion of file names for "deploy an existing certificate and key", from the wizard's
 * {@link org.pftls.ui.flow.FileBrowser} (the full screen's file fields complete the same way):
 * relative names in the configuration directory, absolute ones from the root; directories end
 * with a slash so that Tab can go on into them; hidden files only once a dot is typed.
 */
final class ConfigFileCompleter implements Completer {
    private final WizardModel model;

    ConfigFileCompleter(WizardModel model) {
        this.model = model;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        candidates.addAll(candidates(word));
    }

    /** The candidates for a partly typed name. */
    List<Candidate> candidates(String typed) {
        List<Candidate> out = new java.util.ArrayList<>();
        for (String c : model.files().complete(typed)) {
            boolean directory = c.endsWith("/");
            String shown = c.substring(c.lastIndexOf('/', c.length() - (directory ? 2 : 1)) + 1);
            out.add(new Candidate(c, shown, null, null, null, null, !directory));
        }
        return out;
    }
}
