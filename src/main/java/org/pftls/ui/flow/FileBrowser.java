package org.pftls.ui.flow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pftls.engine.UntrustedText;
import org.pftls.engine.ports.FileStore;

/**
 * Finding files for the Deploy task, for the full-screen file picker and for Tab completion in
 * both wizards. Relative names are relative to the configuration directory (where the engine
 * resolves them); absolute names are kept. Paths are never resolved through symbolic links:
 * certbot's {@code /etc/letsencrypt/live/NAME/fullchain.pem} stays that (a renewal updates what it
 * points to), and is offered when certbot's directory exists.
 */
public final class FileBrowser {
    /** One entry of a directory: its path as it will be typed, its name, and whether it is a directory. */
    public record Entry(Path path, String name, boolean directory) {
        /** The name as a list shows it: directories end with '/'. */
        public String shown() {
            return directory ? name + "/" : name;
        }
    }

    private final Path configDirectory;
    private final FileStore files;
    private final Path letsEncryptLive;

    FileBrowser(Path configDirectory, FileStore files, Path letsEncryptLive) {
        this.configDirectory = configDirectory;
        this.files = files;
        this.letsEncryptLive = letsEncryptLive;
    }

    public Path configDirectory() {
        return configDirectory;
    }

    /** A typed name as a path: relative to the configuration directory, or absolute. */
    public Path resolve(String typed) {
        return configDirectory.resolve(typed.trim());
    }

    /**
     * Where the picker opens for what is typed in the field: the typed directory, the directory of
     * a typed file, else the configuration directory.
     */
    public Path startDirectory(String typed) {
        if (typed == null || typed.isBlank()) {
            return configDirectory;
        }
        Path p = resolve(typed);
        if (typed.trim().endsWith("/") || files.isDirectory(p)) {
            return files.isDirectory(p) ? p : configDirectory;
        }
        Path parent = p.getParent();
        return parent != null && files.isDirectory(parent) ? parent : configDirectory;
    }

    /** Whether the path is a directory the picker can open. */
    public boolean isDirectory(Path path) {
        return files.isDirectory(path);
    }

    /** The entries of a directory, sorted, without hidden ones; empty when it cannot be read. */
    public List<Entry> list(Path directory) {
        List<Entry> out = new ArrayList<>();
        try {
            for (Path p : files.list(directory)) {
                String name = p.getFileName().toString();
                if (!name.startsWith(".")) {
                    out.add(new Entry(p, name, files.isDirectory(p)));
                }
            }
        } catch (IOException e) {
            // an unreadable directory lists as empty; the picker says so
        }
        return out;
    }

    /** certbot's live certificate directories ({@code /etc/letsencrypt/live/NAME}), when there are any. */
    public List<Entry> letsEncrypt() {
        if (!files.isDirectory(letsEncryptLive)) {
            return List.of();
        }
        return list(letsEncryptLive).stream().filter(Entry::directory).toList();
    }

    /** The picker's answer for a chosen file: relative to the configuration directory when inside it, else absolute. */
    public String nameFor(Path chosen) {
        Path p = chosen.normalize();
        return p.startsWith(configDirectory) && !p.equals(configDirectory)
                ? configDirectory.relativize(p).toString() : p.toString();
    }

    /**
     * Tab completion of a partly typed name: the entries of its directory that start with the
     * typed last part (hidden ones only once a dot is typed), as whole typed names (directories
     * end with '/').
     */
    public List<String> complete(String typed) {
        int slash = typed.lastIndexOf('/');
        String directoryPart = typed.substring(0, slash + 1);
        String namePart = typed.substring(slash + 1);
        Path directory = directoryPart.isEmpty() ? configDirectory : resolve(directoryPart);
        List<String> out = new ArrayList<>();
        try {
            for (Path p : files.list(directory)) {
                String name = p.getFileName().toString();
                if (name.startsWith(namePart) && !(name.startsWith(".") && !namePart.startsWith(".")) && typable(name)) {
                    out.add(directoryPart + name + (files.isDirectory(p) ? "/" : ""));
                }
            }
        } catch (IOException e) {
            // nothing to complete from an unreadable directory
        }
        return out;
    }

    /**
     * Whether a name can be typed into a field: it holds no terminal control (ESC, CR, ...). Such
     * names are listed (escaped, e.g. {@code \x1b}) but never completed or chosen: a field cannot
     * hold them, and deploying them would put them into main.cf.
     */
    public static boolean typable(String name) {
        return UntrustedText.escape(name).equals(name);
    }

    /** The longest common beginning of the candidates (what Tab fills in when there are several). */
    public static String commonPrefix(List<String> candidates) {
        if (candidates.isEmpty()) {
            return "";
        }
        String prefix = candidates.get(0);
        for (String c : candidates) {
            int i = 0;
            while (i < prefix.length() && i < c.length() && prefix.charAt(i) == c.charAt(i)) {
                i++;
            }
            prefix = prefix.substring(0, i);
        }
        return prefix;
    }
}
