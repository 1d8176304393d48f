#!/usr/bin/env bash
# cds-classlist.sh HOME OUTPUT
# Build step (Maven "package"): records which classes pftls loads, for the class-data sharing
# archive (dist/make-cds-archive). Runs HOME/pftls.jar once per training command, each with
# -XX:DumpLoadedClassList, on throw-away instances in a temporary directory (the --demo sandbox
# and copies of its main.cf), and merges the lists. Nothing outside that directory is written;
# the changing subcommands run under --demo (no mail logging) or with --dry-run.
set -euo pipefail
home=$(cd "$1" && pwd -P)
out=$2
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
work=$(mktemp -d "${TMPDIR:-/tmp}/pftls-cds.XXXXXX")
trap 'rm -rf "$work"' EXIT
n=0
train() {
    n=$((n + 1))
    "$java" -XX:DumpLoadedClassList="$work/$n.classlist" -Djava.io.tmpdir="$work" -XX:+UseG1GC \
        -XX:TieredStopAtLevel=1 -Xmx64m -jar "$home/pftls.jar" "$@" >"$work/$n.out" 2>&1 </dev/null || true
}
demo_dir() { ls -d "$work"/pftls-demo-* | sort | tail -n 1; }

train --version
train --help
train                                   # no terminal: usage, exit 1
train no-such-subcommand                # the usage-error path
train --demo enable-server              # RSA key, certificate, main.cf edit
deployed=$(demo_dir 2>/dev/null || true)
train --demo enable-server -a ecdsa
train --demo enable-client
train --demo new-server-key -a ecdsa -b secp384r1
if [ -n "$deployed" ] && [ -f "$deployed/main.cf" ]; then
    for sub in all-default-server all-default-client output-server-tlsa output-server-csr status; do
        train -c "$deployed" "$sub"
    done
    train -c "$deployed" new-server-cert --dry-run
    train -c "$deployed" enable-server --dry-run
    key=$(cd "$deployed" && ls key-*.pem 2>/dev/null | head -n 1)
    cert=$(cd "$deployed" && ls cert-*.pem 2>/dev/null | head -n 1)
    train -c "$deployed" deploy-server-cert --dry-run "$cert" "$key"
else
    # The archive is then smaller and starts slower; the build goes on (see 1.out, 5.out).
    echo "cds-classlist: warning: pftls --demo enable-server made no instance; skipping the runs on it" >&2
    sed -n 1,5p "$work/5.out" >&2 || true
fi
# The wizards' first screens (full screen, then line mode), when tmux is there to give them a
# terminal.
if command -v tmux >/dev/null 2>&1; then
    for mode in "" --plain; do
        n=$((n + 1))
        sock="$work/tmux$n" # a server of its own: starting one on the socket of the server just killed races with its exit ("server exited unexpectedly")
        tmux -S "$sock" new-session -d -x 100 -y 30 "'$java' -XX:DumpLoadedClassList='$work/$n.classlist' \
            -Djava.io.tmpdir='$work' -XX:+UseG1GC -XX:TieredStopAtLevel=1 -Xmx64m -jar '$home/pftls.jar' --demo $mode; sleep 1"
        # Wait for the first screen (any text on the pane), give it a moment to settle, then hang up.
        for _ in $(seq 50); do
            sleep 0.1
            [ -n "$(tmux -S "$sock" capture-pane -p 2>/dev/null | tr -d '[:space:]')" ] && break
        done
        sleep 1
        tmux -S "$sock" kill-server 2>/dev/null || true
    done
fi
cat "$work"/*.classlist | awk '!/^#/ && !seen[$0]++' >"$out.tmp"
mv -f "$out.tmp" "$out"
echo "cds-classlist: $(wc -l <"$out") classes from $n training runs" >&2
