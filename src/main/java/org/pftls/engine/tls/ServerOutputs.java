package org.pftls.engine.tls;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.crypto.CsrBuilder;
import org.pftls.engine.crypto.HostNames;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.LoadedKey;
import org.pftls.engine.crypto.Tlsa;

/** What output-server-csr and output-server-tlsa print, as data. */
final class ServerOutputs {
    private final Instance instance;
    private final KeyFileLocator keyFiles;
    private final InstanceFiles files;

    ServerOutputs(Instance instance) {
        this.instance = instance;
        this.keyFiles = new KeyFileLocator(instance);
        this.files = new InstanceFiles(instance);
    }

    /** output-server-csr [-k keyfile] [hostname ...], as data: the key used, the names and the PEM. */
    ServerCsr csr(String keyArgument, List<String> hostNames) throws PftlsException {
        Optional<Path> key = Optional.empty();
        if (keyArgument != null) {
            key = keyFiles.locate(keyArgument);
        } else {
            for (KeyAlgorithm a : KeyAlgorithm.values()) {
                key = keyFiles.deployedKey(a);
                if (key.isPresent()) {
                    break;
                }
            }
        }
        if (key.isEmpty() || !instance.ports().files().isReadable(key.get())) {
            throw new PftlsException(Kind.INPUT, "No usable keyfile specified or configured"
                    + key.map(k -> " (" + k + " cannot be read)").orElse("")
                    + "; name one with -k keyfile, or deploy a key first");
        }
        List<String> names = HostNameChoice.resolve(hostNames, instance);
        return new ServerCsr(key.get(), names,
                new CsrBuilder(instance.ports().random()).csrPem(files.key(key.get()).keyPair(), names));
    }

    /** The records of output-server-tlsa, as data: one per usable key, in the order of the arguments. */
    List<TlsaRecord> tlsaRecords(String hostName, List<String> keyArguments) throws PftlsException {
        String fqdn = hostName == null || hostName.isEmpty()
                ? HostNameChoice.myhostname(instance) : HostNames.validate(hostName);
        List<String> arguments = keyArguments.isEmpty() ? List.of("rsa", "ecdsa") : keyArguments;
        List<TlsaRecord> records = new ArrayList<>();
        for (String argument : arguments) {
            Optional<Path> key = keyFiles.locate(argument);
            if (key.isEmpty()) {
                continue;
            }
            LoadedKey loaded = files.key(key.get());
            records.add(new TlsaRecord(key.get(), loaded.algorithm(), fqdn,
                    Tlsa.spkiSha256Hex(loaded.keyPair().getPublic())));
        }
        if (records.isEmpty()) {
            throw new PftlsException(Kind.INPUT, "No usable keyfiles specified or configured;"
                    + " name key files or deploy a key first (pftls enable-server)");
        }
        return records;
    }
}
