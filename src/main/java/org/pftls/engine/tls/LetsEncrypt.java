package org.pftls.engine.tls;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.check.Finding;
import org.pftls.engine.check.Severity;
import org.pftls.engine.ports.FileStore;

/**
 * certbot's layout under its configuration directory (default {@code /etc/letsencrypt}, certbot's
 * {@code --config-dir}): {@code live/NAME/} holds symbolic links to the current files in
 * {@code archive/NAME/}, and certbot updates the links at each renewal. So main.cf must name the
 * {@code live/} paths as given (pftls never resolves them), Postfix must be reloaded after each
 * renewal, and a deploy hook in {@code renewal-hooks/deploy/} can do that.
 *
 * @param root certbot's configuration directory
 */
public record LetsEncrypt(Path root) {
    /** Where certbot keeps its configuration unless told otherwise. */
    public static final LetsEncrypt DEFAULT = new LetsEncrypt(Path.of("/etc/letsencrypt"));

    /** NAME, when {@code file} is {@code ROOT/live/NAME/FILE}. */
    public Optional<String> lineage(Path file) {
        return nameUnder("live", file);
    }

    /** The directory certbot runs deploy hooks from after each renewal. */
    public Path deployHooks() {
        return root.resolve("renewal-hooks").resolve("deploy");
    }

    /**
     * What an operator must know about deployed files from certbot: a copy in {@code archive/}
     * (renewals will not reach it), and for {@code live/}, that Postfix must be reloaded after each
     * renewal (a warning until pftls's deploy hook is installed, then a note).
     */
    List<Finding> findings(Optional<Path> cert, Optional<Path> key, FileStore files, Path configDirectory) {
        List<Finding> findings = new ArrayList<>();
        for (Path p : List.of(cert, key).stream().flatMap(Optional::stream).toList()) {
            Optional<String> archived = nameUnder("archive", p);
            if (archived.isPresent()) {
                Path live = root.resolve("live").resolve(archived.get());
                findings.add(new Finding(Severity.WARNING, "letsencrypt-archive", p + " is a copy in certbot's"
                        + " archive, which renewals do not change; use " + live.resolve("fullchain.pem") + " and "
                        + live.resolve("privkey.pem") + " instead"));
                break;
            }
        }
        Optional<String> name = cert.flatMap(this::lineage);
        if (name.isPresent()) {
            Path hook = deployHooks().resolve(CertbotHook.fileName(configDirectory));
            if (files.isRegularFile(hook)) {
                findings.add(new Finding(Severity.INFO, "renewal-hook", "the certificate comes from certbot ("
                        + name.get() + "); its deploy hook " + hook + " reloads Postfix after each renewal"));
            } else {
                findings.add(new Finding(Severity.WARNING, "reload-after-renewal", "the certificate comes from"
                        + " certbot (" + root.resolve("live").resolve(name.get()) + "): Postfix reads it only when it"
                        + " starts or reloads, so it must be reloaded after each renewal; install a certbot deploy"
                        + " hook that does it: pftls" + (configDirectory.equals(Path.of("/etc/postfix")) ? ""
                        : " -c " + configDirectory) + " certbot-hook --install"
                        + (equals(DEFAULT) ? "" : " --letsencrypt-dir " + root)));
            }
        }
        return findings;
    }

    private Optional<String> nameUnder(String area, Path file) {
        Path p = file.normalize();
        Path base = root.normalize().resolve(area);
        if (p.startsWith(base) && p.getNameCount() == base.getNameCount() + 2) {
            return Optional.of(p.getName(base.getNameCount()).toString());
        }
        return Optional.empty();
    }
}
