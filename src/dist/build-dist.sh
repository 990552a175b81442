#!/usr/bin/env bash
# build-dist.sh TARGET_DIR VERSION: builds, from TARGET_DIR/confdsl.jar, the distribution under
# TARGET_DIR/dist/:
#   confdsl-VERSION-linux-x64.tar.gz  bin/confdsl, lib/confdsl.jar, lib/confdsl.aot, runtime/ (jlink), share/
#   confdsl_VERSION_amd64.deb         /usr/bin/confdsl, /usr/lib/confdsl (the same tree), the systemd
#                                     unit, /etc/confdsl/ example, bash and zsh completion, man page
# Run by Maven: mvn -B -ntp -Pdist -pl repl -am package. Needs Temurin's JDK 25 (jlink and the
# AOT cache; $CONFDSL_JLINK_JDK to use another JDK 25) and dpkg-deb.
set -euo pipefail
target=$(cd "$1" && pwd) version=$2
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jdk=${CONFDSL_JLINK_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$jdk/bin/jlink" ] || { echo "build-dist: no JDK 25 at $jdk (set CONFDSL_JLINK_JDK)" >&2; exit 1; }
command -v dpkg-deb >/dev/null || { echo "build-dist: dpkg-deb is missing: apt-get install dpkg" >&2; exit 1; }
debversion=${version//-/\~}   # 0.1.0-SNAPSHOT sorts before 0.1.0 as 0.1.0~SNAPSHOT

dist="$target/dist"
rm -rf "$dist"
mkdir -p "$dist"
name="confdsl-$version"
tree="$dist/$name"
mkdir -p "$tree/bin" "$tree/lib" "$tree/share/man/man1" "$tree/share/completion" "$tree/share/systemd" "$tree/share/examples"

# 1. A trimmed runtime: the modules jdeps finds in the shaded jar, plus those reached by
#    reflection or service loading (HTTP server for metrics, DNS for lookupSRV, EC for TLS).
modules=java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.sql,java.xml,jdk.jfr,jdk.unsupported,jdk.httpserver,jdk.naming.dns,jdk.crypto.ec
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress zip-6 --output "$tree/runtime"

# 2. The program and its start-up cache, made by the runtime that ships.
cp "$target/confdsl.jar" "$tree/lib/confdsl.jar"
install -m 0755 "$here/bin/confdsl" "$tree/bin/confdsl"
"$here/aot-train.sh" "$tree/runtime/bin/java" "$tree/lib/confdsl.jar" "$tree/lib/confdsl.aot" \
  || { echo "build-dist: AOT training failed; shipping without a start-up cache" >&2; rm -f "$tree/lib/confdsl.aot"; }

# 3. What a host needs around it: completion (made by the program itself), man page, unit, examples.
"$tree/bin/confdsl" completion bash > "$tree/share/completion/confdsl.bash"
"$tree/bin/confdsl" completion zsh > "$tree/share/completion/_confdsl"
sed "s/@VERSION@/$version/" "$here/confdsl.1" | gzip -9n > "$tree/share/man/man1/confdsl.1.gz"
cp "$here/confdsl@.service" "$tree/share/systemd/"
cp -r "$here/etc" "$tree/share/examples/etc"
cp -r "$here/../../dsl-examples/quickstart" "$tree/share/examples/quickstart"
rm -rf "$tree/share/examples/quickstart/out"
cp "$here/Dockerfile" "$tree/share/examples/" 2>/dev/null || true
find "$tree" -type d -exec chmod 0755 {} + ; find "$tree/share" "$tree/lib" -type f -exec chmod 0644 {} +

tar -C "$dist" --owner=0 --group=0 -czf "$dist/$name-linux-x64.tar.gz" "$name"

# 4. The .deb: the same tree under /usr/lib/confdsl.
deb="$dist/deb"
mkdir -p "$deb/DEBIAN" "$deb/usr/lib/confdsl" "$deb/usr/bin" "$deb/lib/systemd/system" "$deb/etc/confdsl" \
  "$deb/usr/share/bash-completion/completions" "$deb/usr/share/zsh/vendor-completions" "$deb/usr/share/man/man1" \
  "$deb/usr/share/doc/confdsl/examples"
cp -a "$tree/bin" "$tree/lib" "$tree/runtime" "$deb/usr/lib/confdsl/"
ln -s ../lib/confdsl/bin/confdsl "$deb/usr/bin/confdsl"
cp "$tree/share/systemd/confdsl@.service" "$deb/lib/systemd/system/"
cp "$here/etc/"* "$deb/etc/confdsl/"
cp "$tree/share/completion/confdsl.bash" "$deb/usr/share/bash-completion/completions/confdsl"
cp "$tree/share/completion/_confdsl" "$deb/usr/share/zsh/vendor-completions/_confdsl"
cp "$tree/share/man/man1/confdsl.1.gz" "$deb/usr/share/man/man1/"
cp -r "$tree/share/examples/quickstart" "$deb/usr/share/doc/confdsl/examples/"
( cd "$deb/etc/confdsl" && for f in *; do echo "/etc/confdsl/$f"; done ) > "$deb/DEBIAN/conffiles"
size=$(du -sk "$deb" | cut -f1)
cat > "$deb/DEBIAN/control" <<CONTROL
Package: confdsl
Version: $debversion
Architecture: amd64
Maintainer: confdsl developers <confdsl@localhost>
Installed-Size: $size
Depends: libc6
Section: admin
Priority: optional
Description: keeps configuration files in step with keys in etcd
 confdsl renders configuration files from keys in etcd or a key file, checks them,
 swaps them in atomically and reloads the service, declared by one Groovy script.
 It brings its own Java runtime; no JDK is needed.
CONTROL
find "$deb" -type d -exec chmod 0755 {} +
dpkg-deb --root-owner-group -Zgzip --build "$deb" "$dist/confdsl_${debversion}_amd64.deb" >/dev/null
rm -rf "$deb"
ls -l "$dist"/*.tar.gz "$dist"/*.deb
