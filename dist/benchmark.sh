#!/usr/bin/env bash
# dist/benchmark.sh: pftls against the real "postfix tls", side by side, on this machine.
#
#   dist/benchmark.sh [--runs N] [--rsa-runs N] [--quick] [--max-ratio R] [--no-install]
#
# For every subcommand, both tools run N times, alternately, each time on a fresh copy of the
# same instance (a Debian main.cf, or one where "postfix tls enable-server" has deployed a key),
# as whole processes: "postfix -c DIR tls SUB ..." and "dist/pftls -c DIR SUB ...". It prints
# the median wall time of each, the ratio pftls/postfix, and the peak RSS of each (GNU time), then
# pftls --version and the time until the wizard's first screen shows in a tmux pane, and how long
# the full-screen wizard's Generate step waits for a new RSA 4096 key (the key is started when the
# Key step is answered; the benchmark spends 1 s on Host names, as a quick operator would), beside
# "openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:4096".
#   --runs N       runs per tool and subcommand (default 11)
#   --rsa-runs N   runs for new-server-key with RSA: key generation takes a random time, and
#                  unlike enable-server it is not dwarfed by postfix tls's 2 s wait (default 21)
#   --quick        3 runs (7 for new-server-key with RSA): what CI runs (BenchmarkIT)
#   --max-ratio R  exit 1 if any subcommand's ratio is above R (CI uses 2.0, a noise margin);
#                  a row above it is measured again with 2N+1 runs, which then decides
#   --allow "LABEL=R"  a known exception: LABEL (as in the table) may go up to ratio R; it is
#                  still reported as not meeting --max-ratio (repeatable; see BenchmarkIT)
#   --max-rss-mib M  exit 1 if pftls's peak RSS in some subcommand reaches M MiB (CI uses 80)
#   --no-install   do not apt-get install what is missing: fail and say what to install
#   --wizard-only  only the pftls-only rows (--version, the wizards' first screens, the Generate wait)
# Needs root (postfix -c for a scratch directory, apt-get). Builds the jar if it is missing.
set -euo pipefail

runs=11
rsa_runs=21
max_ratio=
max_rss_mib=
declare -A allowed=()
install=1
wizard_only=
while [ $# -gt 0 ]; do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --rsa-runs) rsa_runs=$2; shift 2 ;;
        --quick) runs=3; rsa_runs=7; shift ;;
        --max-ratio) max_ratio=$2; shift 2 ;;
        --max-rss-mib) max_rss_mib=$2; shift 2 ;;
        --allow) allowed[${2%=*}]=${2##*=}; shift 2 ;;
        --no-install) install=; shift ;;
        --wizard-only) wizard_only=1; shift ;;
        *) echo "benchmark: unknown option $1; see the comment at the top of $0" >&2; exit 2 ;;
    esac
done

repo=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd -P)
pftls=$repo/dist/pftls

# --- what the benchmark needs -------------------------------------------------------------------
[ "$(id -u)" = 0 ] || { echo "benchmark: run as root (postfix -c on a scratch directory needs it)" >&2; exit 2; }
need=""
command -v postconf >/dev/null 2>&1 || need="$need postfix"
command -v openssl >/dev/null 2>&1 || need="$need openssl"
command -v tmux >/dev/null 2>&1 || need="$need tmux"
[ -x /usr/bin/time ] || need="$need time"
if [ -n "$need" ]; then
    if [ -z "$install" ]; then
        echo "benchmark: missing:$need; install with: apt-get install$need (or run dist/benchmark.sh without --no-install)" >&2
        exit 2
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
    apt-get install -y -q $need >&2
fi
# Debian's "No configuration" leaves no main.cf and no /etc/mailname; postfix(1) needs both.
[ -f /etc/postfix/main.cf ] || cp /usr/share/postfix/main.cf.debian /etc/postfix/main.cf
[ -s /etc/mailname ] || hostname --fqdn >/etc/mailname 2>/dev/null || hostname >/etc/mailname
if [ ! -f "$repo/target/pftls.jar" ]; then
    (cd "$repo" && mvn -q -B -DskipTests package) >&2
fi

# --- instances ------------------------------------------------------------------------------------
work=$(mktemp -d /tmp/pftls-bench.XXXXXX)
cleanup() {
    tmux -S "$work/tmux" kill-server 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
master=/etc/postfix/master.cf
[ -f "$master" ] || master=/usr/share/postfix/master.cf.dist
mkdir "$work/fresh"
cp "$repo/src/main/resources/org/pftls/cli/demo-main.cf" "$work/fresh/main.cf"
cp "$master" "$work/fresh/master.cf"
cp -a "$work/fresh" "$work/deployed"
postfix -c "$work/deployed" tls enable-server >/dev/null 2>&1
postfix -c "$work/deployed" tls new-server-key >"$work/new-key.out" 2>&1
sleep 1.1 # the script names files by the second
new_key=$(cd "$work/deployed" && ls -t key-*.pem | head -n 1)
new_cert=$(cd "$work/deployed" && ls -t cert-*.pem | head -n 1)
# Not "hot": both tools would wait for a main.cf changed in the last 2 seconds.
touch -d '-1 minute' "$work"/*/main.cf

# --- measuring ------------------------------------------------------------------------------------
now_us() { echo "${EPOCHREALTIME/./}"; }

# run_once TOOL TEMPLATE ARGS...: prints "microseconds maxrss_kib exit_status"
run_once() {
    local tool=$1 template=$2; shift 2
    rm -rf "$work/w"
    cp -a "$work/$template" "$work/w"
    local cmd
    if [ "$tool" = postfix ]; then cmd=(postfix -c "$work/w" tls "$@"); else cmd=("$pftls" -c "$work/w" "$@"); fi
    local start end status=0
    start=$(now_us)
    /usr/bin/time -f '%M' -o "$work/rss" "${cmd[@]}" >/dev/null 2>"$work/stderr" </dev/null || status=$?
    end=$(now_us)
    echo "$((end - start)) $(tail -n 1 "$work/rss") $status"
}

median() { sort -n | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print int((v[NR/2]+v[NR/2+1])/2)}'; }
max() { sort -n | tail -n 1; }
ms() { awk -v us="$1" 'BEGIN {printf "%.0f ms", us/1000}'; }
mib() { awk -v k="$1" 'BEGIN {printf "%.0f MiB", k/1024}'; }

rows=()
failures=()
not_met=()
# measure TEMPLATE N ARGS...: runs both tools N times each, alternating which goes first (so that
# drift in machine load hits both alike); sets pm fm (medians, us), ratio, prss frss (max KiB).
measure() {
    local template=$1 n=$2; shift 2
    local -a pt=() ft=() pr=() fr=()
    local i first line t r s ps fs
    for ((i = 0; i < n; i++)); do
        for first in postfix pftls; do
            if (( i % 2 )); then [ "$first" = postfix ] && first=pftls || first=postfix; fi
            line=$(run_once "$first" "$template" "$@")
            read -r t r s <<<"$line"
            if [ "$first" = postfix ]; then pt+=("$t"); pr+=("$r"); ps=$s; else ft+=("$t"); fr+=("$r"); fs=$s; fi
        done
        if [ "$ps" != "$fs" ]; then
            failures+=("$label: exit status differs (postfix tls $ps, pftls $fs): $(head -c 300 "$work/stderr")")
        fi
    done
    pm=$(printf '%s\n' "${pt[@]}" | median)
    fm=$(printf '%s\n' "${ft[@]}" | median)
    ratio=$(awk -v a="$fm" -v b="$pm" 'BEGIN {printf "%.2f", a/b}')
    prss=$(printf '%s\n' "${pr[@]}" | max)
    frss=$(printf '%s\n' "${fr[@]}" | max)
}

above() { awk -v r="$1" -v m="$2" 'BEGIN {exit !(r > m)}'; }

# bench LABEL TEMPLATE N ARGS...: one table row. With --max-ratio, a row above its limit is
# measured again with more runs (a load spike on a shared machine is not a slowdown), and that
# second measurement decides.
bench() {
    label=$1
    local template=$2 n=$3; shift 3
    local pm fm ratio prss frss note=""
    local limit=${allowed[$label]:-$max_ratio}
    measure "$template" "$n" "$@"
    if [ -n "$max_ratio" ] && above "$ratio" "$limit"; then
        local again=$(( n < 3 ? 7 : 2 * n + 1 ))
        echo "  $label: ratio $ratio above ${limit}x; measuring again with $again runs" >&2
        measure "$template" "$again" "$@"
        note=" (remeasured, $again runs)"
    fi
    rows+=("| $label$note | $(ms "$pm") | $(ms "$fm") | $ratio | $(mib "$prss") | $(mib "$frss") |")
    echo "  $label: postfix tls $(ms "$pm"), pftls $(ms "$fm"), ratio $ratio$note" >&2
    if [ -n "$max_rss_mib" ] && [ "$frss" -ge $((max_rss_mib * 1024)) ]; then
        failures+=("$label: pftls peak RSS $(mib "$frss") (limit under $max_rss_mib MiB)")
    fi
    if [ -n "$max_ratio" ] && above "$ratio" "$max_ratio"; then
        if [ -n "${allowed[$label]:-}" ] && ! above "$ratio" "$limit"; then
            not_met+=("$label: pftls is ${ratio}x as slow as postfix tls (goal ${max_ratio}x; known, allowed up to ${limit}x)")
        else
            failures+=("$label: pftls is ${ratio}x as slow as postfix tls (limit ${limit}x)")
        fi
    fi
}

# wizard_first_screen [OPTIONS]: microseconds from launch until the pane shows text, or "n/a (why)".
# The tmux server is already running, so its start-up is not counted; the launch is a new window.
wizard_first_screen() {
    local sock=$work/tmux start end text dead
    rm -rf "$work/w"
    cp -a "$work/fresh" "$work/w"
    start=$(now_us)
    tmux -S "$sock" new-window -d -t bench -n wizard "exec $pftls -c $work/w $*"
    for _ in $(seq 2000); do
        text=$(tmux -S "$sock" capture-pane -p -t bench:wizard 2>/dev/null | tr -d '[:space:]')
        [ -n "$text" ] && break
    done
    end=$(now_us)
    sleep 0.5
    text=$(tmux -S "$sock" capture-pane -p -t bench:wizard 2>/dev/null || true)
    dead=$(tmux -S "$sock" display-message -p -t bench:wizard '#{pane_dead}' 2>/dev/null || echo 1)
    tmux -S "$sock" kill-window -t bench:wizard 2>/dev/null || true
    if [ "$dead" != 0 ]; then
        # It exited instead of waiting for input: not a wizard screen but an error (or no wizard yet).
        echo "n/a ($(echo "$text" | grep -m 1 . | cut -c 1-90))"
    else
        echo "$((end - start))"
    fi
}

# wizard_generate_wait: milliseconds the full-screen wizard's Generate step waits for a new RSA
# 4096 key (New key and certificate, RSA 4096, 1 s on Host names, Next), until the Review shows.
wizard_generate_wait() {
    local sock=$work/tmux start end
    rm -rf "$work/w"
    cp -a "$work/fresh" "$work/w"
    tmux -S "$sock" new-window -d -t bench -n keys "exec env LANG=C.UTF-8 TERM=xterm-256color $pftls -c $work/w --full-screen"
    pane_waits "Step 1 of 8: Detect" && tmux -S "$sock" send-keys -t bench:keys Enter
    pane_waits "Step 2 of 8: Task" && tmux -S "$sock" send-keys -t bench:keys Down Down Enter
    # Key: RSA 4096 alone, below both keys (preselected), both larger keys, RSA 2048 and 3072
    pane_waits "Step 3 of 8: Key" && tmux -S "$sock" send-keys -t bench:keys Down Down Down Down Enter
    pane_waits "Step 4 of 8: Host names" && sleep 1
    start=$(now_us)
    tmux -S "$sock" send-keys -t bench:keys Tab Enter
    pane_waits "Step 6 of 8: Review"
    end=$(now_us)
    tmux -S "$sock" kill-window -t bench:keys 2>/dev/null || true
    echo "$((end - start))"
}
# pane_waits TEXT: waits (up to 2 minutes) until the wizard's pane shows TEXT.
pane_waits() {
    for _ in $(seq 12000); do
        tmux -S "$work/tmux" capture-pane -p -t bench:keys 2>/dev/null | grep -qF "$1" && return 0
        sleep 0.01
    done
    echo "benchmark: the wizard did not show \"$1\"" >&2
    return 1
}

echo "benchmark: $runs runs ($rsa_runs for new-server-key with RSA) per tool and subcommand" >&2
load_before=$(cut -d ' ' -f 1-3 /proc/loadavg)
if [ -z "$wizard_only" ]; then
bench "all-default-server" fresh "$runs" all-default-server
bench "all-default-client" fresh "$runs" all-default-client
bench "output-server-tlsa" deployed "$runs" output-server-tlsa
bench "output-server-csr" deployed "$runs" output-server-csr
bench "enable-client" fresh "$runs" enable-client
bench "enable-server (rsa 2048)" fresh "$runs" enable-server
bench "enable-server -a ecdsa" fresh "$runs" enable-server -a ecdsa
bench "new-server-key (rsa 2048)" fresh "$rsa_runs" new-server-key
bench "new-server-key -a ecdsa" fresh "$runs" new-server-key -a ecdsa
bench "new-server-cert (rsa)" deployed "$runs" new-server-cert
bench "deploy-server-cert" deployed "$runs" deploy-server-cert "$new_cert" "$new_key"
fi

version_times=()
for ((i = 0; i < runs; i++)); do
    s=$(now_us); "$pftls" --version >/dev/null; e=$(now_us)
    version_times+=($((e - s)))
done
version_ms=$(printf '%s\n' "${version_times[@]}" | median)
wizard=()
tmux -S "$work/tmux" new-session -d -s bench -x 100 -y 30 "sleep 3600"
tmux -S "$work/tmux" set-option -g remain-on-exit on
for mode in "" "--plain"; do
    times=()
    for ((i = 0; i < 3; i++)); do
        t=$(wizard_first_screen $mode)
        case $t in n/a*) times=("$t"); break ;; esac
        times+=("$t")
    done
    case ${times[0]} in
        n/a*) wizard+=("${times[0]}") ;;
        *) wizard+=("$(ms "$(printf '%s\n' "${times[@]}" | median)")") ;;
    esac
done
# The Generate wait for RSA 4096 beside openssl's own key generation, alternating; key generation
# takes a random time (the search for primes), so more runs than the others.
waits=()
genpkey=()
for ((i = 0; i < rsa_runs; i++)); do
    waits+=("$(wizard_generate_wait)")
    s=$(now_us)
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:4096 -out "$work/genpkey.pem" 2>/dev/null
    e=$(now_us)
    genpkey+=($((e - s)))
done
wait_ms=$(printf '%s\n' "${waits[@]}" | median)
genpkey_ms=$(printf '%s\n' "${genpkey[@]}" | median)

# --- verify against a running Postfix --------------------------------------------------------------
# A second Postfix instance on a free loopback port (its own queue, data and log directories, chroot
# off), with an RSA and an ECDSA certificate deployed by pftls: "pftls verify" (one STARTTLS
# handshake per algorithm, in one process) beside the same two handshakes made with
# "openssl s_client -starttls smtp" (two processes).
verify_row=
probe=$work/probe
mkdir -p "$probe/etc" "$probe/queue" "$probe/data" "$probe/log"
chmod 755 "$work" "$probe"
chown postfix "$probe/data"
vport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
printf '%s\n' "compatibility_level = 3.6" "queue_directory = $probe/queue" "data_directory = $probe/data" \
    "myhostname = bench.example" "mydestination =" "alias_maps =" "alias_database =" \
    "inet_interfaces = 127.0.0.1" "inet_protocols = ipv4" "maillog_file = $probe/log/postfix.log" \
    "maillog_file_prefixes = $probe/log" >"$probe/etc/main.cf"
printf '%s\n' "127.0.0.1:$vport inet n - n - - smtpd" "pickup unix n - n 60 1 pickup" \
    "cleanup unix n - n - 0 cleanup" "qmgr unix n - n 300 1 qmgr" "tlsmgr unix - - n 1000? 1 tlsmgr" \
    "rewrite unix - - n - - trivial-rewrite" "bounce unix - - n - 0 bounce" "defer unix - - n - 0 bounce" \
    "trace unix - - n - 0 bounce" "verify unix - - n - 1 verify" "flush unix n - n 1000? 0 flush" \
    "proxymap unix - - n - - proxymap" "smtp unix - - n - - smtp" "relay unix - - n - - smtp" \
    "showq unix n - n - - showq" "error unix - - n - - error" "retry unix - - n - - error" \
    "discard unix - - n - - discard" "local unix - n n - - local" "anvil unix - - n - 1 anvil" \
    "scache unix - - n - 1 scache" "postlog unix-dgram n - n - 1 postlogd" >"$probe/etc/master.cf"
"$pftls" -c "$probe/etc" enable-server >/dev/null 2>&1
"$pftls" -c "$probe/etc" new-server-key -a ecdsa >/dev/null 2>&1
ec_cert=$(cd "$probe/etc" && ls -t eccert-*.pem | head -n 1)
ec_key=$(cd "$probe/etc" && ls -t eckey-*.pem | head -n 1)
"$pftls" -c "$probe/etc" deploy-server-cert "$ec_cert" "$ec_key" >/dev/null 2>&1
touch -d '-1 minute' "$probe/etc/main.cf"
if postfix -c "$probe/etc" start >/dev/null 2>&1; then
    trap 'postfix -c "$probe/etc" stop >/dev/null 2>&1 || true; cleanup' EXIT
    vt_p=() vt_o=()
    for ((i = 0; i < runs; i++)); do
        s=$(now_us); "$pftls" -c "$probe/etc" verify >"$work/verify.out" 2>&1 || true; e=$(now_us)
        vt_p+=($((e - s)))
        s=$(now_us)
        for sig in rsa_pss_rsae_sha256 ecdsa_secp256r1_sha256; do
            openssl s_client -starttls smtp -connect "127.0.0.1:$vport" -sigalgs "$sig" </dev/null >/dev/null 2>&1 || true
        done
        e=$(now_us)
        vt_o+=($((e - s)))
    done
    if ! grep -q '^OK: ' "$work/verify.out"; then
        failures+=("verify: pftls verify did not pass against the benchmark's Postfix: $(tail -n 3 "$work/verify.out")")
    fi
    vp=$(printf '%s\n' "${vt_p[@]}" | median)
    vo=$(printf '%s\n' "${vt_o[@]}" | median)
    verify_row="| verify, RSA + ECDSA (2 handshakes) | $(ms "$vo") | $(ms "$vp") | $(awk -v a="$vp" -v b="$vo" 'BEGIN {printf "%.2f", a/b}') |"
    echo "  verify: openssl s_client x2 $(ms "$vo"), pftls verify $(ms "$vp")" >&2
    # The issue's bound: well under a second per algorithm against a local Postfix.
    if [ "$vp" -ge 2000000 ]; then
        failures+=("verify: pftls verify took $(ms "$vp") for two handshakes (limit under 2000 ms)")
    fi
    postfix -c "$probe/etc" stop >/dev/null 2>&1 || true
else
    failures+=("verify: the benchmark's Postfix instance did not start: $(tail -n 3 "$probe/log/postfix.log" 2>/dev/null)")
fi
load_after=$(cut -d ' ' -f 1-3 /proc/loadavg)

cpu=$(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
mem=$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)
javav=$(java -version 2>&1 | head -n 1)
postfixv=$(postconf -h mail_version 2>/dev/null)
echo
echo "Machine: $(nproc) CPUs ($cpu), $mem RAM; $javav; Postfix $postfixv."
echo "Median of $runs runs ($rsa_runs for new-server-key with RSA) per tool, alternating, each on a fresh copy of the instance; load average $load_before before, $load_after after."
echo
if [ ${#rows[@]} -gt 0 ]; then
    echo "| subcommand | postfix tls | pftls | ratio | postfix tls peak RSS | pftls peak RSS |"
    echo "|---|---:|---:|---:|---:|---:|"
    printf '%s\n' "${rows[@]}"
    echo
fi
echo "| pftls only | median | target |"
echo "|---|---:|---|"
echo "| \`pftls --version\` | $(ms "$version_ms") | < 100 ms |"
echo "| wizard, first screen (full screen) | ${wizard[0]} | < 300 ms |"
echo "| wizard, first screen (\`--plain\`) | ${wizard[1]} | < 300 ms |"
echo "| wizard, Generate waits for a new RSA 4096 key (1 s on Host names; median of $rsa_runs) | $(ms "$wait_ms") | about a second; \`openssl genpkey\` RSA 4096: $(ms "$genpkey_ms") |"
if [ -n "$verify_row" ]; then
    echo
    echo "| against a running Postfix | openssl s_client -starttls smtp | pftls verify | ratio |"
    echo "|---|---:|---:|---:|"
    echo "$verify_row"
fi

if [ ${#not_met[@]} -gt 0 ]; then
    echo >&2
    printf 'benchmark: NOT MET (known): %s\n' "${not_met[@]}" >&2
fi
if [ ${#failures[@]} -gt 0 ]; then
    echo >&2
    printf 'benchmark: FAILED: %s\n' "${failures[@]}" >&2
    exit 1
fi
