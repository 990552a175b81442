#!/usr/bin/env bash
# install-test.sh DEB: installs the .deb into a fresh root with dpkg (its own database, nothing of
# the machine's touched), then, as user nobody with no JDK and no Maven on the PATH, runs
# `confdsl --version` and `confdsl run --once` of the packaged quickstart from the read-only
# install, then a watch daemon (its /metrics scraped, a SIGHUP applying an edited template);
# checks the man page, the completion, and the systemd unit with systemd-analyze verify.
# Removes everything it made. Run by .ci/run; needs root (dpkg, runuser).
set -euo pipefail
deb=$(readlink -f "$1")
root=$(mktemp -d /tmp/confdsl-root.XXXXXX)
work=$(mktemp -d /tmp/confdsl-work.XXXXXX)
cleanup() { rm -rf "$root" "$work"; }
trap cleanup EXIT
chmod 0755 "$root" "$work"
step() { printf '\n== %s\n' "$*"; }

step "dpkg --root $root -i $(basename "$deb")"
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/triggers"
touch "$root/var/lib/dpkg/status"
dpkg --root="$root" --force-depends --force-not-root -i "$deb"
dpkg --root="$root" -L confdsl | grep -E '^/(usr/bin|lib/systemd|etc/confdsl|usr/share/man|usr/share/bash)' 
ls -l "$root/usr/bin/confdsl"

# The user's PATH: a shell and the few tools the quickstart's check uses; no java, no mvn.
bin="$work/bin"
mkdir -p "$bin"
for tool in sh readlink mkdir grep cat; do ln -s "$(command -v "$tool")" "$bin/$tool"; done
ln -s "$root/usr/bin/confdsl" "$bin/confdsl"
as_nobody() { runuser -u nobody -- env -i PATH="$bin" HOME=/nonexistent LANG=C.UTF-8 "$@"; }
if as_nobody sh -c 'command -v java || command -v mvn'; then
  echo "install-test: java or mvn is on the test PATH" >&2; exit 1
fi
chmod -R a-w "$root/usr/lib/confdsl"   # read-only install: nobody could not write it anyway

step "confdsl --version (as nobody, PATH=$bin)"
as_nobody confdsl --version

step "confdsl run quickstart.groovy --once (as nobody, from the installed files)"
cp -r "$root/usr/share/doc/confdsl/examples/quickstart" "$work/qs"
chown -R nobody "$work/qs"
as_nobody confdsl run "$work/qs/quickstart.groovy" --once --state-dir "$work/qs/state"
grep -q 'server 127.0.0.1:9001;' "$work/qs/out/app.conf"
as_nobody confdsl run "$work/qs/quickstart.groovy" --once --state-dir "$work/qs/state" | grep -q 'IN_SYNC'
echo "rendered $work/qs/out/app.conf; the second run is IN_SYNC"
if [ -n "$(find "$root/usr/lib/confdsl" -newer "$deb" -newer "$root/var/lib/dpkg/status" -print -quit)" ]; then
  echo "install-test: something wrote into the install directory" >&2; exit 1
fi

step "a watch daemon as nobody: /metrics over HTTP, then SIGHUP applies an edited template without a restart"
# Polls below wait for a fact (a log line, a file's content) with a bound, never for a fixed time.
wait_for() { # wait_for WHAT COMMAND...: up to 120 tries, 0.25 s apart
  local what=$1; shift
  for _ in $(seq 1 120); do "$@" && return 0; sleep 0.25; done
  echo "install-test: timed out waiting for $what" >&2; cat "$work/daemon.err" >&2; return 1
}
# Every signal at its default, whatever this script inherited (under nohup SIGHUP arrives ignored,
# and a signal ignored at start stays ignored: the daemon would say so and never reload).
runuser -u nobody -- env --default-signal -i PATH="$bin" HOME=/nonexistent LANG=C.UTF-8 \
  confdsl run "$work/qs/quickstart.groovy" --state-dir "$work/qs/state" --metrics-addr 127.0.0.1:0 \
  > "$work/daemon.out" 2> "$work/daemon.err" &
daemon=$!
stop_daemon() { kill -TERM "$daemon" 2>/dev/null || true; wait "$daemon" 2>/dev/null || true; }
trap 'stop_daemon; cleanup' EXIT
wait_for "the metrics address" grep -q 'metrics on http://' "$work/daemon.err"
wait_for "the first pass" curl -sf -o /dev/null "$(sed -n 's#.*metrics on \(http://[^/]*\)/metrics.*#\1#p' "$work/daemon.err")/ready"
url=$(sed -n 's#.*metrics on \(http://[^ ]*/metrics\).*#\1#p' "$work/daemon.err")
echo "curl -s $url"
curl -sf "$url" | grep -E '^confdsl_(outcomes_total|applied_revision|store_connected|renders_total)'
pid=$(pgrep -u nobody -f "confdsl.jar run $work/qs/quickstart.groovy" | head -1)
echo "# edited by the install test" >> "$work/qs/app.conf.tmpl"
kill -HUP "$pid"
echo "kill -HUP $pid"
wait_for "the reload" grep -q '# edited by the install test' "$work/qs/out/app.conf"
grep -E 'SIGHUP|reloaded' "$work/daemon.err"
[ "$(pgrep -u nobody -f "confdsl.jar run $work/qs/quickstart.groovy" | head -1)" = "$pid" ] || { echo "install-test: the daemon restarted" >&2; exit 1; }
echo "$work/qs/out/app.conf now ends with: $(tail -1 "$work/qs/out/app.conf") (same pid $pid)"
kill -TERM "$pid"
rc=0
wait "$daemon" || rc=$?
echo "SIGTERM: exit $rc"
[ "$rc" = 0 ]
trap cleanup EXIT

step "man page, completion"
zcat "$root/usr/share/man/man1/confdsl.1.gz" | grep -q '^.SH EXIT STATUS'
grep -q 'complete -F' "$root/usr/share/bash-completion/completions/confdsl"
echo "ok"

step "systemd-analyze verify confdsl@cloud.service"
# The unit as installed, with ExecStart pointing into the test root (the machine has no /usr/bin/confdsl);
# systemd-analyze prints nothing for a clean unit, and checks that ExecStart and ExecReload are executable.
units="$work/units"
mkdir -p "$units"
sed "s#/usr/bin/confdsl#$root/usr/bin/confdsl#" "$root/lib/systemd/system/confdsl@.service" > "$units/confdsl@.service"
MANPATH="$root/usr/share/man" systemd-analyze verify "$units/confdsl@cloud.service" > "$work/verify.log" 2>&1 || true
if [ -s "$work/verify.log" ]; then
  cat "$work/verify.log" >&2
  echo "install-test: systemd-analyze verify reported problems" >&2; exit 1
fi
echo "unit ok"

step "dpkg --root $root -r confdsl"
chmod -R u+w "$root/usr/lib/confdsl"
dpkg --root="$root" --force-not-root -r confdsl
[ ! -e "$root/usr/bin/confdsl" ]
echo "install test passed"
