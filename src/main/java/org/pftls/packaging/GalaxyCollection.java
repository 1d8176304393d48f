package org.pftls.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Build step (run by Maven at {@code package}): the Ansible collection in {@code dist/ansible} as
 * the tarball {@code NAMESPACE-NAME-VERSION.tar.gz} that {@code ansible-galaxy collection build}
 * makes (ansible-core 2.14), without Ansible on the build machine: the same MANIFEST.json
 * (collection_info from galaxy.yml with ansible-galaxy's defaults, and the SHA-256 of FILES.json),
 * the same FILES.json entries (every directory and file not ignored, with its SHA-256) written the
 * way Python's json module writes them, and the same tar members (modes 0644/0755, owner 0/0 with
 * empty names, a symbolic link inside the collection kept as a link, one pointing outside stored as
 * the file it points to). Two differences, neither of which ansible-galaxy reads: members are in
 * sorted order (ansible-galaxy: the file system's directory order), and times are whole seconds
 * (MANIFEST.json and FILES.json get the newest file's time, not the build time), so the same
 * sources give the same bytes. GalaxyCollectionIT compares it with ansible-galaxy's build and
 * installs both. Usage: {@code GalaxyCollection SOURCE_DIR OUTPUT_DIR [VERSION]}; with VERSION,
 * galaxy.yml's version must equal it (the pom's).
 */
public final class GalaxyCollection {
    /** What ansible-galaxy always leaves out (collection/__init__.py, _build_files_manifest_walk). */
    private static final List<String> IGNORED = List.of("MANIFEST.json", "FILES.json", "galaxy.yml", "galaxy.yaml",
            ".git", "*.pyc", "*.retry", "tests/output");
    private static final Set<String> IGNORED_DIRECTORIES = Set.of("CVS", ".bzr", ".hg", ".git", ".svn",
            "__pycache__", ".tox");
    /** galaxy.yml's keys by type (ansible/galaxy/data/collections_galaxy_meta.yml). */
    private static final List<String> REQUIRED = List.of("namespace", "name", "version", "readme", "authors");
    private static final List<String> STRINGS = List.of("namespace", "name", "version", "readme", "description",
            "license_file", "repository", "documentation", "homepage", "issues");
    private static final List<String> LISTS = List.of("authors", "license", "tags", "build_ignore");
    private static final List<String> DICTS = List.of("dependencies");

    private GalaxyCollection() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            throw new IllegalArgumentException("usage: GalaxyCollection SOURCE_DIR OUTPUT_DIR [VERSION]");
        }
        Path built = build(Path.of(args[0]), Path.of(args[1]), args.length == 3 ? args[2] : null);
        System.out.println("galaxy-collection: " + built);
    }

    /** Builds the tarball into {@code outputDirectory}; returns its path. */
    public static Path build(Path source, Path outputDirectory, String expectedVersion) throws IOException {
        Path top = source.toRealPath();
        Map<String, Object> meta = metadata(top.resolve("galaxy.yml"));
        if (expectedVersion != null && !expectedVersion.equals(meta.get("version"))) {
            throw new IllegalStateException(top.resolve("galaxy.yml") + ": version " + meta.get("version")
                    + " is not the project's version " + expectedVersion + "; make them equal");
        }
        String namespace = (String) meta.get("namespace");
        String name = (String) meta.get("name");
        List<String> ignore = new ArrayList<>(IGNORED);
        ignore.add(namespace + "-" + name + "-*.tar.gz");
        for (Object p : (List<?>) meta.get("build_ignore")) {
            ignore.add(String.valueOf(p));
        }
        List<Entry> entries = new ArrayList<>();
        walk(top, top, "", ignore, entries);

        byte[] files = PythonJson.dumps(filesManifest(entries));
        byte[] manifest = PythonJson.dumps(manifest(meta, sha256(files)));
        long newest = 0;
        for (Entry e : entries) {
            newest = Math.max(newest, e.mtime());
        }
        Files.createDirectories(outputDirectory);
        Path tarball = outputDirectory.resolve(namespace + "-" + name + "-" + meta.get("version") + ".tar.gz");
        Path temporary = Files.createTempFile(outputDirectory, "." + tarball.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                writeTar(out, top, entries, manifest, files, newest);
            }
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(temporary, tarball, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return tarball;
    }

    /** galaxy.yml, checked and completed with ansible-galaxy's defaults (_normalize_galaxy_yml_manifest). */
    static Map<String, Object> metadata(Path galaxyYml) throws IOException {
        Object loaded;
        try (InputStream in = Files.newInputStream(galaxyYml)) {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new IllegalStateException(galaxyYml + " is not a YAML mapping");
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        map.forEach((k, v) -> meta.put(String.valueOf(k), v));
        for (String key : REQUIRED) {
            if (!meta.containsKey(key)) {
                throw new IllegalStateException(galaxyYml + " lacks the mandatory key " + key);
            }
        }
        if (meta.containsKey("manifest")) {
            throw new IllegalStateException(galaxyYml + ": the manifest key (distlib directives) is not supported by"
                    + " this builder; use build_ignore");
        }
        for (String key : STRINGS) {
            Object v = meta.get(key);
            if (v != null && !(v instanceof String)) {
                throw new IllegalStateException(galaxyYml + ": " + key + " must be a string (quote it): " + v);
            }
            meta.putIfAbsent(key, null);
        }
        for (String key : LISTS) {
            Object v = meta.get(key);
            if (v == null) {
                meta.put(key, List.of());
            } else if (!(v instanceof List)) {
                meta.put(key, List.of(v));
            }
        }
        for (String key : DICTS) {
            meta.putIfAbsent(key, Map.of());
        }
        return meta;
    }

    /** MANIFEST.json's content (collection/__init__.py, _build_manifest), in its key order. */
    static Map<String, Object> manifest(Map<String, Object> meta, String filesSha256) {
        Map<String, Object> info = new LinkedHashMap<>();
        for (String key : List.of("namespace", "name", "version", "authors", "readme", "tags", "description",
                "license")) {
            info.put(key, meta.get(key));
        }
        Object licenseFile = meta.get("license_file");
        info.put("license_file", licenseFile == null || "".equals(licenseFile) ? null : licenseFile);
        for (String key : List.of("dependencies", "repository", "documentation", "homepage", "issues")) {
            info.put(key, meta.get(key));
        }
        Map<String, Object> filesEntry = new LinkedHashMap<>();
        filesEntry.put("name", "FILES.json");
        filesEntry.put("ftype", "file");
        filesEntry.put("chksum_type", "sha256");
        filesEntry.put("chksum_sha256", filesSha256);
        filesEntry.put("format", 1);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("collection_info", info);
        manifest.put("file_manifest_file", filesEntry);
        manifest.put("format", 1);
        return manifest;
    }

    /** One directory or file of the collection. */
    record Entry(String name, boolean directory, String sha256, long mtime) {
    }

    private static Map<String, Object> filesManifest(List<Entry> entries) {
        List<Object> files = new ArrayList<>();
        files.add(entry(".", true, null));
        for (Entry e : entries) {
            files.add(entry(e.name(), e.directory(), e.sha256()));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("files", files);
        m.put("format", 1);
        return m;
    }

    private static Map<String, Object> entry(String name, boolean directory, String sha256) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("ftype", directory ? "dir" : "file");
        m.put("chksum_type", sha256 == null ? null : "sha256");
        m.put("chksum_sha256", sha256);
        m.put("format", 1);
        return m;
    }

    /** ansible-galaxy's walk (_build_files_manifest_walk), in sorted order. */
    private static void walk(Path top, Path directory, String base, List<String> ignore, List<Entry> out)
            throws IOException {
        List<Path> children;
        try (Stream<Path> s = Files.list(directory)) {
            children = s.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        }
        for (Path child : children) {
            String item = child.getFileName().toString();
            String rel = base.isEmpty() ? item : base + "/" + item;
            boolean link = Files.isSymbolicLink(child);
            if (Files.isDirectory(child)) {
                if (IGNORED_DIRECTORIES.contains(item) || ignored(rel, ignore)) {
                    continue;
                }
                if (link && !inside(child.toRealPath(), top)) {
                    System.err.println("galaxy-collection: warning: skipping " + child
                            + ", a symbolic link to a directory outside the collection");
                    continue;
                }
                out.add(new Entry(rel, true, null, mtime(child)));
                if (!link) {
                    walk(top, child, rel, ignore, out);
                }
            } else {
                if (ignored(rel, ignore)) {
                    continue;
                }
                out.add(new Entry(rel, false, sha256(Files.readAllBytes(child)), mtime(child)));
            }
        }
    }

    private static boolean ignored(String rel, List<String> patterns) {
        for (String p : patterns) {
            if (Fnmatch.matches(rel, p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(Path real, Path top) {
        return real.equals(top) || real.startsWith(top);
    }

    private static long mtime(Path p) throws IOException {
        return Files.getLastModifiedTime(p).toMillis() / 1000;
    }

    /** MANIFEST.json, FILES.json, then every entry (collection/__init__.py, _build_collection_tar). */
    private static void writeTar(OutputStream out, Path top, List<Entry> entries, byte[] manifest, byte[] files,
                                 long newest) throws IOException {
        try (GZIPOutputStream gzip = new GZIPOutputStream(out);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip, "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            addBytes(tar, "MANIFEST.json", manifest, newest);
            addBytes(tar, "FILES.json", files, newest);
            for (Entry e : entries) {
                Path source = top.resolve(e.name());
                if (Files.isSymbolicLink(source)) {
                    Path target = source.toRealPath();
                    if (inside(target, top)) {
                        TarArchiveEntry link = new TarArchiveEntry(e.name(), TarConstants.LF_SYMLINK);
                        link.setLinkName(source.getParent().relativize(target).toString());
                        link.setMode(0644);
                        link.setModTime(FileTime.fromMillis(0));
                        owner(link);
                        tar.putArchiveEntry(link);
                        tar.closeArchiveEntry();
                        continue;
                    }
                }
                Path real = source.toRealPath();
                if (e.directory()) {
                    TarArchiveEntry dir = new TarArchiveEntry(e.name() + "/", TarConstants.LF_DIR);
                    dir.setMode(0755);
                    dir.setModTime(FileTime.fromMillis(mtime(real) * 1000));
                    owner(dir);
                    tar.putArchiveEntry(dir);
                    tar.closeArchiveEntry();
                } else {
                    boolean executable = Files.getPosixFilePermissions(real, LinkOption.NOFOLLOW_LINKS)
                            .contains(PosixFilePermission.OWNER_EXECUTE);
                    byte[] content = Files.readAllBytes(real);
                    TarArchiveEntry file = new TarArchiveEntry(e.name());
                    file.setMode(executable ? 0755 : 0644);
                    file.setSize(content.length);
                    file.setModTime(FileTime.fromMillis(mtime(real) * 1000));
                    owner(file);
                    tar.putArchiveEntry(file);
                    tar.write(content);
                    tar.closeArchiveEntry();
                }
            }
            tar.finish();
        }
    }

    private static void addBytes(TarArchiveOutputStream tar, String name, byte[] content, long mtime)
            throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setMode(0644);
        e.setSize(content.length);
        e.setModTime(FileTime.fromMillis(mtime * 1000));
        owner(e);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static void owner(TarArchiveEntry e) {
        e.setUserId(0);
        e.setGroupId(0);
        e.setUserName("");
        e.setGroupName("");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
