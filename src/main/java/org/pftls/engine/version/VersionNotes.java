package org.pftls.engine.version;

import java.util.ArrayList;
import java.util.List;
import org.pftls.engine.tls.Instance;

/**
 * The notes a plan carries where it depends on the installed Postfix version ({@code --dry-run} and
 * the wizard's Review show them; a real run prints only what postfix tls prints).
 */
public final class VersionNotes {
    private VersionNotes() {
    }

    /** enable-client: the session cache type and why; that a 3.11 client is opportunistic already. */
    public static List<String> enableClient(Instance instance, SessionCacheType cache) {
        List<String> notes = new ArrayList<>();
        notes.add(cache.reason());
        VersionAdvice advice = new VersionAdvice(instance);
        if (advice.clientOpportunisticByDefault()) {
            PostfixVersion version = PostfixVersion.of(instance.ports().postfix().mailVersion());
            notes.add("Postfix " + version + " at this compatibility_level already defaults smtp_tls_security_level"
                    + " to may; enable-client sets it explicitly anyway (as postfix tls does), so the client stays"
                    + " opportunistic at any compatibility_level");
        }
        return notes;
    }
}
