package org.pftls.engine.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The OpenSSL configs and commands of postfix-tls-script's create_cert and output_server_csr. */
final class ScriptConfigs {
    private ScriptConfigs() {
    }

    static byte[] certConfig(List<String> names) {
        StringBuilder config = new StringBuilder("""
                default_md = sha256
                x509_extensions = v3
                prompt = yes
                distinguished_name = dn
                [dn]
                [v3]
                basicConstraints = CA:false
                subjectKeyIdentifier = hash
                extendedKeyUsage = serverAuth, clientAuth
                subjectAltName = @alts
                [alts]
                """);
        appendAlts(config, names);
        return config.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] csrConfig(List<String> names) {
        StringBuilder config = new StringBuilder("""
                default_md = sha256
                req_extensions = v3
                prompt = yes
                distinguished_name = dn
                [dn]
                [v3]
                subjectKeyIdentifier = hash
                extendedKeyUsage = serverAuth, clientAuth
                subjectAltName = @alts
                [alts]
                """);
        appendAlts(config, names);
        return config.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void appendAlts(StringBuilder config, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            config.append("DNS.").append(i + 1).append(" = ").append(names.get(i)).append('\n');
        }
    }

    /** {@code openssl req -x509 -config STDIN -new -key KEY -subj /CN=FIRST -days 36525}: PEM on stdout. */
    static String scriptCertificate(Path key, List<String> names) {
        return OpenSsl.ok(certConfig(names), "req", "-x509", "-config", "/dev/stdin", "-new", "-key", key.toString(),
                "-subj", "/CN=" + names.get(0), "-days", "36525").text();
    }

    /** {@code openssl req -config STDIN -new -key KEY -subj /}: PEM on stdout. */
    static String scriptCsr(Path key, List<String> names) {
        return OpenSsl.ok(csrConfig(names), "req", "-config", "/dev/stdin", "-new", "-key", key.toString(),
                "-subj", "/").text();
    }
}
