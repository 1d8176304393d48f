package org.pftls.engine.tls;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.config.MainCf;
import org.pftls.engine.config.MainCfEditor;
import org.pftls.engine.config.MainCfText;
import org.pftls.engine.config.Parameters;
import org.pftls.engine.crypto.KeyAlgorithm;

/**
 * What deploying a key and certificate writes into main.cf, and which files Postfix will open
 * because of it. The values are the paths' bytes (as the kernel names them), written as
 * {@code postconf -e} writes them (trimmed); the files are found by reading the edited main.cf
 * back as a Postfix daemon reads it: {@code $name} expanded, relative names under
 * {@code queue_directory}. A deploy checks those files, so what is checked is exactly what is
 * deployed, also for {@code deploy-server-cert '$mail_name/c.pem' ...} or a name with trailing
 * blanks; new keys and certificates must come out as the files pftls writes.
 *
 * @param keyValue  the key file value written into main.cf (one char per byte)
 * @param certValue the certificate file value written into main.cf
 * @param key       the key file Postfix will open
 * @param cert      the certificate file Postfix will open
 */
record DeployedFiles(String keyValue, String certValue, Path key, Path cert) {

    /** The values for {@code key} and {@code cert} as {@code algorithm}'s files, and what Postfix opens. */
    static DeployedFiles of(Instance instance, KeyAlgorithm algorithm, Path key, Path cert) throws PftlsException {
        Charset names = instance.ports().files().nameCharset();
        String keyParameter = algorithm.keyFileParameter();
        String certParameter = algorithm.certFileParameter();
        String keyValue = value(key, "key", names);
        String certValue = value(cert, "certificate", names);
        if (plain(keyValue) && plain(certValue) && key.isAbsolute() && cert.isAbsolute()) {
            // Nothing to expand and no line to break (the usual case): main.cf holds each name
            // trimmed, and Postfix opens exactly that. The same result as below, without editing
            // and parsing main.cf (~2 ms of a deploy).
            String k = MainCfText.trim(keyValue);
            String c = MainCfText.trim(certValue);
            return new DeployedFiles(k, c, opened(k, keyParameter, names), opened(c, certParameter, names));
        }
        byte[] after;
        try {
            after = MainCfEditor.set(instance.mainCf().bytes(), List.of(
                    Map.entry(keyParameter, keyValue), Map.entry(certParameter, certValue)),
                    instance.mainCfPath().toString()).after();
        } catch (IllegalArgumentException lineBreak) {
            Path bad = key.toString().indexOf('\n') >= 0 ? key : cert;
            throw new PftlsException(Kind.INPUT, "the file name " + bad + " contains a line break, which a main.cf"
                    + " value cannot hold; rename the file", lineBreak);
        }
        MainCf edited = MainCf.parse(after, instance.mainCfPath().toString());
        Parameters read = new Parameters(edited, instance.ports().postfix(), instance.configDirectory(),
                instance.ports().hostNames(), names);
        return new DeployedFiles(edited.value(keyParameter).orElseThrow(), edited.value(certParameter).orElseThrow(),
                opened(read, keyParameter, names), opened(read, certParameter, names));
    }

    /**
     * Notes for a deploy whose named files are not what Postfix opens (a {@code $} expanded,
     * blanks trimmed): the file pftls checked is the one Postfix will open.
     */
    List<String> differences(KeyAlgorithm algorithm, Path namedKey, Path namedCert, Charset names) {
        List<String> out = new ArrayList<>();
        if (!key.equals(namedKey)) {
            out.add(note(algorithm.keyFileParameter(), MainCfText.display(keyValue, names), namedKey, key));
        }
        if (!cert.equals(namedCert)) {
            out.add(note(algorithm.certFileParameter(), MainCfText.display(certValue, names), namedCert, cert));
        }
        return out;
    }

    private static String note(String parameter, String value, Path named, Path opened) {
        return "main.cf gets " + parameter + " = " + value + ", which Postfix reads as the file " + opened
                + "; that is the file pftls checked, not \"" + named + "\" as given (a main.cf value loses its leading"
                + " and trailing blanks, and $name in it is expanded)";
    }

    private static String value(Path path, String what, Charset names) throws PftlsException {
        try {
            return MainCfText.fromText(path.toString(), names);
        } catch (CharacterCodingException e) {
            throw new PftlsException(Kind.INPUT, "the " + what + " file name " + path + " cannot be written as a file"
                    + " name in " + names + "; run pftls in a UTF-8 locale (LC_ALL=C.UTF-8)", e);
        }
    }

    /** No {@code $} (nothing Postfix would expand) and no line break. */
    private static boolean plain(String value) {
        return value.indexOf('$') < 0 && value.indexOf('\n') < 0;
    }

    /** The file an absolute, plain value names. */
    private static Path opened(String value, String parameter, Charset names) throws PftlsException {
        try {
            return Path.of(MainCfText.toText(value, names));
        } catch (CharacterCodingException | java.nio.file.InvalidPathException e) {
            throw new PftlsException(Kind.INPUT, parameter + " would name a file this system cannot open; give"
                    + " another path", e);
        }
    }

    private static Path opened(Parameters read, String parameter, Charset names) throws PftlsException {
        Optional<Path> p = KeyFileLocator.fileOf(read, parameter, names);
        if (p.isEmpty()) {
            throw new PftlsException(Kind.INPUT, parameter + " would be empty or \"none\" in main.cf; give the path"
                    + " of the file");
        }
        return p.get();
    }
}
