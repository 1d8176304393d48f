package org.pftls.ui.line;

import java.nio.file.Path;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.pftls.ui.flow.WizardModel;

/**
 * Tab completion of file names for "deploy an existing certificate and key": relative names
 * complete in the configuration directory (where the engine resolves them), absolute ones from
 * the root. Directories complete with a trailing slash so that Tab can go on into them; hidden
 * files are offered only once a dot is typed. Lists files through the model's file store.
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

    /** The candidates for a partly typed name: the entries of its directory that start with it. */
    List<Candidate> candidates(String typed) {
        int slash = typed.lastIndexOf('/');
        String directoryPart = typed.substring(0, slash + 1);
        String namePart = typed.substring(slash + 1);
        Path directory = directoryPart.isEmpty() ? model.configDirectory()
                : model.configDirectory().resolve(directoryPart);
        List<Candidate> out = new java.util.ArrayList<>();
        for (Path p : model.listFiles(directory)) {
            String name = p.getFileName().toString();
            if (!name.startsWith(namePart) || name.startsWith(".") && !namePart.startsWith(".")) {
                continue;
            }
            boolean isDirectory = model.isDirectory(p);
            String shown = name + (isDirectory ? "/" : "");
            out.add(new Candidate(directoryPart + shown, shown, null, null, null, null, !isDirectory));
        }
        return out;
    }
}
