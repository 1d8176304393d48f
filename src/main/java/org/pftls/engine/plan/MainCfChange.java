package org.pftls.engine.plan;

import java.nio.file.Path;
import java.util.List;
import org.pftls.engine.ports.FileStore;

/**
 * The edit a plan makes to main.cf: all settings in one atomic replacement.
 *
 * @param path      main.cf
 * @param readStamp main.cf's identity when it was read; applying refuses if it changed since
 * @param before    the bytes read
 * @param after     the bytes to write (as postconf -e would write them)
 * @param settings  the parameters set, in the order postfix tls passes them to postconf -e
 * @param warnings  postconf's warnings for this edit (e.g. multiple entries)
 */
public record MainCfChange(Path path, FileStore.Stamp readStamp, byte[] before, byte[] after,
                           List<Setting> settings, List<String> warnings) {
}
