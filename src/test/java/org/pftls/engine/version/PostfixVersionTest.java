package org.pftls.engine.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Release numbers and compatibility levels compare as Postfix's compat_level.c compares them. */
class PostfixVersionTest {
    @Test
    void releasesSortNumericallyPartByPart() {
        List<String> sorted = List.of("0", "2", "3.4", "3.5.25", "3.6", "3.7.11", "3.8.6", "3.9", "3.10.13", "3.11",
                "3.11.6", "3.12-20260301", "4");
        List<PostfixVersion> versions = new ArrayList<>(sorted.stream().map(PostfixVersion::of).toList());
        java.util.Collections.shuffle(versions, new java.util.Random(3));
        versions.sort(null);
        assertEquals(sorted, versions.stream().map(PostfixVersion::text).toList());
    }

    @Test
    void missingPartsCountAsZeroAndSnapshotDatesAreIgnored() {
        assertEquals(0, PostfixVersion.of("3.11").compareTo(PostfixVersion.of("3.11.0")));
        assertEquals(0, PostfixVersion.of("3.12-20260301").compareTo(PostfixVersion.of("3.12")));
        assertTrue(PostfixVersion.of("3.10.13").atLeast(PostfixVersion.CHAIN_FILES));
        assertFalse(PostfixVersion.of("3.10.13").atLeast(PostfixVersion.V3_11));
        assertTrue(PostfixVersion.of("3.11.6").atLeast(PostfixVersion.V3_11));
        assertFalse(PostfixVersion.of("3.3.2").atLeast(PostfixVersion.CHAIN_FILES));
    }

    @Test
    void textThatIsNoVersionIsUnknownAndOlderThanAll() {
        for (String text : new String[] {"", "x", "3.", ".3", "3..1", "3.1.2.4", "v3.7", "3.7a", "1234567", null}) {
            PostfixVersion v = PostfixVersion.of(text);
            assertFalse(v.known(), String.valueOf(text));
            assertTrue(v.compareTo(PostfixVersion.of("0")) < 0, String.valueOf(text));
        }
        assertTrue(PostfixVersion.of(" 3.7.11 ").known());
    }
}
