package org.pftls.adapters;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pftls.engine.ports.HostNameSource;

/** gethostname(2) without DNS: /proc/sys/kernel/hostname on Linux, else the JDK's local host name. */
public final class KernelHostName implements HostNameSource {
    @Override
    public String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).trim();
        } catch (IOException | RuntimeException e) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e2) {
                return "localhost";
            }
        }
    }
}
