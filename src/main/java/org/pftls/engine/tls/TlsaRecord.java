package org.pftls.engine.tls;

import java.nio.file.Path;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.Tlsa;

/**
 * One DANE TLSA "3 1 1" record for a port 25 SMTP server, as data: the record
 * {@code output-server-tlsa} prints, and what the JSON output and a DNS update need.
 *
 * @param keyFile    the private key file it was computed from
 * @param algorithm  rsa or ecdsa
 * @param hostName   the server's host name, without the trailing dot
 * @param spkiSha256 lowercase hex SHA-256 of the key's SubjectPublicKeyInfo (the record's data)
 */
public record TlsaRecord(Path keyFile, KeyAlgorithm algorithm, String hostName, String spkiSha256) {
    /** The owner name: {@code _25._tcp.HOST.}. */
    public String owner() {
        return "_25._tcp." + hostName + ".";
    }

    /** The record line, exactly as {@code output-server-tlsa} prints it. */
    public String line() {
        return Tlsa.record(hostName, spkiSha256);
    }
}
