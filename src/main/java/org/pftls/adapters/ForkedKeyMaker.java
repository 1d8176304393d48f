package org.pftls.adapters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.KeyPairSource;
import org.pftls.engine.crypto.KeySpec;

/**
 * Makes a key pair in a child JVM that compiles it well. The wizard's JVM runs C1 only, for a fast
 * first screen; RSA key generation (BigInteger arithmetic) is several times faster with C2's
 * intrinsics. The child is the same Java and the same jar ({@link KeyMakerProcess}), with C2, the
 * serial collector and the class-data archive if the launcher named one ({@code pftls.archive}); it
 * reads {@code /dev/urandom} itself and writes the key to its standard output, a pipe to this process
 * (never a file). Cancelling (an interrupt) kills the child. When the child cannot be run, or fails,
 * the key is made here instead, more slowly.
 */
public final class ForkedKeyMaker implements KeyPairSource {
    private static final long TIMEOUT_SECONDS = 300;

    private final List<String> command;
    private final KeyPairSource fallback;

    /**
     * @param command  the child's command line up to (and including) its main class
     * @param fallback makes the key in this JVM when the child cannot
     */
    ForkedKeyMaker(List<String> command, KeyPairSource fallback) {
        this.command = List.copyOf(command);
        this.fallback = fallback;
    }

    /** A child of this very JVM: its java, its class path, the archive the launcher named. */
    public static ForkedKeyMaker likeThisJvm(KeyPairSource fallback) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-XX:+IgnoreUnrecognizedVMOptions", "-Xlog:all=off:stdout", "-Xlog:all=warning:stderr",
                "-XX:+TieredCompilation", "-XX:+UseSerialGC", "-Xmn8m", "-Xmx64m", "-Xss512k", "-XX:-UsePerfData"));
        String archive = System.getProperty("pftls.archive", "");
        if (!archive.isEmpty() && Files.isRegularFile(Path.of(archive))) {
            cmd.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-XX:+UnlockDiagnosticVMOptions",
                    "-XX:ArchiveRelocationMode=0"));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), KeyMakerProcess.class.getName()));
        return new ForkedKeyMaker(cmd, fallback);
    }

    @Override
    public KeyPair make(KeySpec spec) throws PftlsException {
        List<String> cmd = new ArrayList<>(command);
        cmd.addAll(KeyMakerProcess.arguments(spec));
        Process child;
        try {
            child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            child.getOutputStream().close();
        } catch (IOException | RuntimeException e) {
            return fallback.make(spec);
        }
        try {
            // The key is a few kilobytes: the pipe holds it, so waiting first cannot block the child.
            if (!child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || child.exitValue() != 0) {
                child.destroyForcibly();
                return fallback.make(spec);
            }
            String[] lines = new String(child.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
                    .split("\n");
            return decode(spec.algorithm(), lines);
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new PftlsException(Kind.CANCELLED, "making the " + spec.describe() + " key was cancelled", e);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            child.destroyForcibly();
            return fallback.make(spec);
        }
    }

    /** The child's output: the private key (PKCS#8) and the public key (SubjectPublicKeyInfo), Base64, a line each. */
    static KeyPair decode(KeyAlgorithm algorithm, String[] lines) throws GeneralSecurityException {
        if (lines.length < 2) {
            throw new GeneralSecurityException("the key maker wrote " + lines.length + " lines, not 2");
        }
        KeyFactory factory = KeyFactory.getInstance(algorithm == KeyAlgorithm.RSA ? "RSA" : "EC");
        return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(lines[1].trim()))),
                factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines[0].trim()))));
    }
}
