package org.pftls.adapters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Owner, group and permission bits of the file a path names (symlinks followed). */
record FileOwner(int uid, int gid, int mode) {
    static FileOwner of(Path path) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, "unix:uid,gid,mode");
        return new FileOwner((Integer) a.get("uid"), (Integer) a.get("gid"), (Integer) a.get("mode") & 0777);
    }
}
