package org.pftls.engine.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.plan.IoMessages;
import org.pftls.engine.plan.NewFile;
import org.pftls.engine.plan.Plan;
import org.pftls.engine.ports.FileStore;

/**
 * A certbot deploy hook for one Postfix instance: certbot runs every executable file in
 * {@code renewal-hooks/deploy/} after it renews a certificate. Postfix reads its certificate files
 * only when it starts or reloads, so the hook reloads it (when it is running) and then checks the
 * deployed certificates with {@code pftls status} (whose report and exit status go to certbot's
 * log). The hook is created like a private key: root-only (0700), complete under its final name,
 * never overwriting anything.
 */
public final class CertbotHook {
    /** Owner read, write, execute: certbot runs it as root; nobody else may read or change it. */
    static final int MODE = 0700;

    private final Instance instance;
    private final LetsEncrypt letsEncrypt;
    private final String pftlsCommand;

    /**
     * @param pftlsCommand how the hook runs pftls: the absolute path of the launcher, or {@code pftls}
     *                     (found through the PATH the hook sets)
     */
    public CertbotHook(Instance instance, LetsEncrypt letsEncrypt, String pftlsCommand) {
        this.instance = instance;
        this.letsEncrypt = letsEncrypt;
        this.pftlsCommand = pftlsCommand;
    }

    /** The hook's file name: {@code pftls-postfix}, plus the configuration directory unless /etc/postfix. */
    public static String fileName(Path configDirectory) {
        String dir = configDirectory.toString();
        return dir.equals("/etc/postfix") ? "pftls-postfix"
                : "pftls-postfix" + dir.replaceAll("[^A-Za-z0-9.]+", "-").replaceAll("-+$", "");
    }

    public Path path() {
        return letsEncrypt.deployHooks().resolve(fileName(instance.configDirectory()));
    }

    /** Whether the hook file is there (pftls's or not). */
    public boolean installed() {
        return instance.ports().files().exists(path());
    }

    /** The hook's text. */
    public byte[] script() throws PftlsException {
        String config = quote(instance.configDirectory().toString());
        String postfix = quote(Path.of(instance.parameters().expanded("command_directory")).resolve("postfix")
                .toString());
        String pftls = pftlsCommand.equals("pftls") ? "pftls" : quote(pftlsCommand);
        String text = String.join("\n",
                "#!/bin/sh",
                "# certbot deploy hook, installed by: pftls -c " + instance.configDirectory() + " certbot-hook --install",
                "# certbot runs it after each renewal. Postfix reads its certificates only when it starts or",
                "# reloads: reload it (when it is running), then check the deployed certificates and chains",
                "# (pftls status exits 1 when it finds a problem; certbot logs its report).",
                "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "export PATH",
                "if " + postfix + " -c " + config + " status >/dev/null 2>&1; then",
                "    " + postfix + " -c " + config + " reload || exit 1",
                "fi",
                "exec " + pftls + " -c " + config + " status" + (letsEncrypt.equals(LetsEncrypt.DEFAULT) ? ""
                        : " --letsencrypt-dir " + quote(letsEncrypt.root().toString())),
                "");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The plan: create the hook; nothing when it is already installed. Refused when certbot's deploy
     * hook directory is missing or others may change it, or another file has the hook's name.
     */
    public Plan plan() throws PftlsException {
        FileStore files = instance.ports().files();
        Path dir = letsEncrypt.deployHooks();
        Path hook = path();
        List<String> command = List.of("pftls", "-c", instance.configDirectory().toString(), "certbot-hook",
                "--install");
        if (!files.isDirectory(dir)) {
            throw new PftlsException(Kind.CONFIG, "certbot's deploy hook directory " + dir + " does not exist;"
                    + " install certbot and get a certificate first (certbot makes it), or give certbot's"
                    + " configuration directory with --letsencrypt-dir DIR");
        }
        try {
            String mode = files.info(dir).mode();
            int group = mode.charAt(mode.length() - 2) - '0';
            int others = mode.charAt(mode.length() - 1) - '0';
            if ((group & 2) != 0 || (others & 2) != 0) {
                throw new PftlsException(Kind.CONFIG, dir + " can be changed by group or others (mode " + mode
                        + "), so certbot would run whatever they put there as root; fix: chmod go-w " + dir);
            }
        } catch (IOException e) {
            throw new PftlsException(Kind.IO, "cannot check " + dir + ": " + IoMessages.reason(e)
                    + "; run pftls as root", e);
        }
        byte[] script = script();
        if (files.exists(hook)) {
            if (sameContent(files, hook, script)) {
                return new Plan("certbot-hook", List.of(), Optional.empty(), List.of(),
                        List.of("The certbot deploy hook " + hook + " is already installed."), command);
            }
            throw new PftlsException(Kind.CONFLICT, hook + " exists and is not the hook pftls would install"
                    + " (pftls never overwrites a file); move it away and run pftls certbot-hook --install again");
        }
        return new Plan("certbot-hook", List.of(new NewFile(hook, NewFile.Role.HOOK, MODE, script)),
                Optional.empty(), List.of(), List.of(
                        "Installed the certbot deploy hook " + hook + ".",
                        "After each renewal it reloads Postfix (when it is running) and checks the deployed"
                                + " certificates with pftls status; certbot logs the result."),
                command);
    }

    /** Creates the plan's hook file (0700, complete under its final name, never overwriting). */
    public void install(Plan plan) throws PftlsException {
        for (NewFile f : plan.files()) {
            try {
                instance.ports().files().createNew(f.path(), f.content(), f.mode());
            } catch (IOException e) {
                throw new PftlsException(Kind.IO, "cannot create the certbot hook " + f.path() + ": "
                        + IoMessages.reason(e) + "; run pftls as root", e);
            }
        }
    }

    private static boolean sameContent(FileStore files, Path hook, byte[] script) {
        try {
            return Arrays.equals(files.read(hook), script);
        } catch (IOException e) {
            return false;
        }
    }

    /** Single-quoted for sh. */
    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
