package org.pftls.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.testing.Sandbox;

/**
 * Issue #13, finding 4: a configuration directory with a non-ASCII name ({@code pé-日}, UTF-8
 * bytes on disk) under every locale a root shell may have: C, POSIX, none at all, C.UTF-8, and a
 * UTF-8 locale that is not installed (as often over SSH). enable-server and deploy-server-cert
 * (relative names) must write the path's own bytes into main.cf, so that the real postconf reads
 * back the files pftls made and checked, exactly the bytes the real {@code postfix tls} writes for
 * the same deploy (compared once, under C); {@code status} must show the name as those bytes, and
 * so must a merge's lines and its JSON ({@code settings}, {@code main_cf}, {@code messages}: text,
 * not the bytes one char each, as they were until a merge shows a path). Before, main.cf got the name
 * encoded as ISO-8859-1 (a key path that does not exist: TLS broken without a word), and under C
 * pftls died with an InvalidPathException stack trace.
 * <p>
 * The test JVM's own file name encoding is whatever the CI shell has (often ASCII), so the
 * names are made and checked by a bash script, as bytes.
 */
class NonAsciiIT {
    private static final String SCRIPT = String.join("\n",
            "set -u",
            "work=$1 pftls=$2 locale=$3 compare=$4",
            "dir=\"$work/$(printf 'p\\303\\251-\\346\\227\\245')\"",
            "copy=\"$dir-postfix-tls\"",
            "run() { env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/tmp $locale \"$@\"; }",
            "mkdir \"$dir\" \"$copy\"",
            "cp \"$work/main.cf.src\" \"$dir/main.cf\"",
            "touch -d '1 hour ago' \"$dir/main.cf\"",
            "run sh \"$pftls\" -c \"$dir\" enable-server -a ecdsa >\"$work/out\" 2>&1; echo \"enable-server=$?\"",
            "grep -q 'Exception\\|\tat ' \"$work/out\" && echo 'stack trace' && cat \"$work/out\"",
            "key=$(postconf -c \"$dir\" -h smtpd_tls_eckey_file 2>/dev/null)",
            "case $key in \"$dir\"/eckey-*.pem) test -f \"$key\" && echo key=ok || echo key=missing ;;",
            "  *) echo \"key=bad $(printf %s \"$key\" | od -An -c | tr -s ' ')\" ;; esac",
            "(cd \"$dir\" && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout k.pem"
                    + " -out c.pem -subj /CN=mail.example.org -addext subjectAltName=DNS:mail.example.org -days 3650 2>/dev/null)",
            "cp \"$dir/k.pem\" \"$dir/c.pem\" \"$work/main.cf.src\" \"$copy/\"",
            "touch -d '1 hour ago' \"$dir/main.cf\" \"$copy/main.cf\"",
            "run sh \"$pftls\" -c \"$dir\" deploy-server-cert c.pem k.pem >\"$work/out\" 2>&1; echo \"deploy=$?\"",
            "cert=$(postconf -c \"$dir\" -h smtpd_tls_eccert_file 2>/dev/null)",
            "[ \"$cert\" = \"$dir/c.pem\" ] && echo cert=ok || echo \"cert=bad $(printf %s \"$cert\" | od -An -c)\"",
            "if [ $compare = yes ]; then",
            "  run postfix -c \"$copy\" tls deploy-server-cert c.pem k.pem >/dev/null 2>&1; echo \"postfix-tls=$?\"",
            "  theirs=$(grep '^smtpd_tls_ec' \"$copy/main.cf\" | sed \"s|$copy|DIR|\" | LC_ALL=C sort)",
            "  ours=$(grep '^smtpd_tls_ec' \"$dir/main.cf\" | sed \"s|$dir|DIR|\" | LC_ALL=C sort)",
            "  [ \"$ours\" = \"$theirs\" ] && echo same-as-postfix-tls=yes || echo \"same-as-postfix-tls=no: $ours / $theirs\"",
            "fi",
            // what a merge says it changes, and its JSON: the name as text, not its bytes one char each
            "run sh \"$pftls\" -c \"$dir\" enable-server --merge -a rsa --dry-run >\"$work/out\" 2>&1; echo \"merge=$?\"",
            "grep -qF \"smtpd_tls_key_file: added \\\"$dir/key-\" \"$work/out\" && echo merge-name=ok || { echo merge-name=bad;"
                    + " cat \"$work/out\"; }",
            "run sh \"$pftls\" -c \"$dir\" enable-server --merge -a rsa --dry-run --json >\"$work/out\" 2>/dev/null;"
                    + " echo \"json=$?\"",
            "python3 -c 'import json, os, sys; d = json.load(open(sys.argv[1], encoding=\"utf-8\"));"
                    + " p = os.fsencode(sys.argv[2]); n = d[\"settings\"][0][\"new\"].encode(\"utf-8\");"
                    + " a = d[\"main_cf\"][\"after\"].encode(\"utf-8\"); m = d[\"messages\"][0][\"text\"].encode(\"utf-8\");"
                    + " ok = n.startswith(p + b\"/key-\") and b\"smtpd_tls_key_file = \" + p + b\"/key-\" in a"
                    + " and (b\"\\x22\" + p + b\"/key-\") in m;"
                    + " print(\"json-name=ok\" if ok else \"json-name=bad %r %r\" % (n, m))' \"$work/out\" \"$dir\"",
            "run sh \"$pftls\" -c \"$dir\" status >\"$work/out\" 2>&1; s=$?; echo \"status=$s\"; [ $s = 0 ] || cat \"$work/out\"",
            "grep -qF \"ECDSA key:  $dir/k.pem\" \"$work/out\" && echo status-name=ok || { echo status-name=bad;"
                    + " cat \"$work/out\"; }",
            "");

    @TempDir
    Path work;

    @BeforeAll
    static void tools() {
        Launcher.require("bash", "bash");
        Launcher.require("postconf", "postfix");
        Launcher.require("postfix", "postfix");
        Launcher.require("openssl", "openssl");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"LC_ALL=C", "LANG=C", "LANG=POSIX", "NO_LOCALE=1", "LC_ALL=C.UTF-8",
        "LANG=en_US.UTF-8", "LC_CTYPE=C LANG=C.UTF-8"})
    void theNameIsWrittenAsItsBytes(String locale) throws Exception {
        boolean compare = locale.equals("LC_ALL=C"); // postfix tls once: it ignores the locale
        Files.write(work.resolve("main.cf.src"), Sandbox.resource("/samples/debian-fresh.cf"));
        Process p = new ProcessBuilder("bash", "-c", SCRIPT, "non-ascii", work.toString(),
                Launcher.script().toString(), locale, compare ? "yes" : "no").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        List<String> expected = new java.util.ArrayList<>(List.of("enable-server=0", "key=ok", "deploy=0", "cert=ok"));
        if (compare) {
            expected.addAll(List.of("postfix-tls=0", "same-as-postfix-tls=yes"));
        }
        expected.addAll(List.of("merge=0", "merge-name=ok", "json=0", "json-name=ok", "status=0", "status-name=ok"));
        assertEquals(expected, out.lines().toList(), out);
    }
}
