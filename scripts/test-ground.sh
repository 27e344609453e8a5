#!/usr/bin/env bash
# Brings up the real parts the tests and the demo run against, and writes their
# coordinates to an env file (printed on the last line) for `source`:
#   - a Docker engine (installed and started only when none answers),
#   - a CNCF registry with htpasswd auth on a free 127.0.0.1 port,
#   - local base images, since nothing can be pulled on these machines.
# Idempotent: a second run reuses what already runs. Needs root only to install
# or start what is missing.
set -euo pipefail

STATE_DIR="${CF_TEST_GROUND_DIR:-${XDG_STATE_HOME:-$HOME/.local/state}/cf-containers/test-ground}"
ENV_FILE="$STATE_DIR/env"
BUSYBOX_IMAGE="cf-test/busybox:1"
JAVA_IMAGE="cf-test/java:17"
JDK25_IMAGE="cf-test/jdk:25"
JDK25_HOME="${CF_TEST_JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
RUNTIME_IMAGE="cf-test/glibc-runtime:1"
# Stand-in for the local Workers runtime's egress sidecar; users' machines pull the real one.
EGRESS_IMAGE="cf-test/proxy-everything:1"
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$STATE_DIR"
chmod 700 "$STATE_DIR"

log() { echo "[test-ground] $*" >&2; }

apt_install() {
  if [ "$(id -u)" != 0 ]; then
    log "missing $*: install it (as root: apt-get install -y $*) and run again"; exit 1
  fi
  if [ ! -f "$STATE_DIR/apt-updated" ]; then
    apt-get update -qq >&2 && touch "$STATE_DIR/apt-updated"
  fi
  log "installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

engine_answers() { timeout 10 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

# The engine's default network: a Linux bridge of our own with a private subnet that exists
# only on this machine. The local Workers runtime (workerd) needs a network named `bridge`
# (it fails on `GET /networks/bridge` != 200), which `--bridge=none` removes; Docker refuses
# to create a user network of that name, so the daemon gets a pre-made bridge instead.
# Published ports bind 127.0.0.1, no NAT, and nothing is forwarded off the bridge.
# Recipe and causes: shared/reference/local-dev.md, "A network named bridge".
BRIDGE_NAME="${CF_TEST_BRIDGE:-cftest0}"
BRIDGE_GATEWAY="${CF_TEST_BRIDGE_GATEWAY:-172.30.87.1/24}"

engine_has_bridge() { timeout 10 docker network inspect bridge >/dev/null 2>&1; }

make_bridge() {
  command -v ip >/dev/null || apt_install iproute2
  command -v iptables >/dev/null || apt_install iptables
  if ! ip link show "$BRIDGE_NAME" >/dev/null 2>&1; then
    ip link add "$BRIDGE_NAME" type bridge
    ip addr add "$BRIDGE_GATEWAY" dev "$BRIDGE_NAME"
  fi
  ip link set "$BRIDGE_NAME" up
  # Containers on the bridge reach each other and the host, never anything beyond it.
  iptables -C FORWARD -i "$BRIDGE_NAME" ! -o "$BRIDGE_NAME" -j DROP 2>/dev/null \
    || iptables -I FORWARD -i "$BRIDGE_NAME" ! -o "$BRIDGE_NAME" -j DROP
  iptables -C FORWARD -o "$BRIDGE_NAME" ! -i "$BRIDGE_NAME" -j DROP 2>/dev/null \
    || iptables -I FORWARD -o "$BRIDGE_NAME" ! -i "$BRIDGE_NAME" -j DROP
}

# A daemon this script started earlier with --bridge=none has no `bridge` network: stop it so
# it starts again with one. A daemon someone else started is left alone.
stop_engine_without_bridge() {
  engine_answers || return 0
  engine_has_bridge && return 0
  local pid; pid=$(pgrep -x dockerd || true)
  if [ -z "$pid" ] || ! tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- '--bridge=none'; then
    log "the Docker engine has no network named bridge: local dev (cf:dev) will not run on it"; return 0
  fi
  log "restarting the test ground's dockerd with a bridge network (was --bridge=none)"
  kill "$pid"
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
}

start_engine() {
  [ -n "${DOCKER_HOST:-}" ] || [ "$(id -u)" != 0 ] || stop_engine_without_bridge
  if engine_answers; then log "Docker engine answers: $(docker version --format '{{.Server.Version}}')"; return; fi
  if [ -n "${DOCKER_HOST:-}" ]; then
    log "DOCKER_HOST=$DOCKER_HOST does not answer: start that engine or unset DOCKER_HOST"; exit 1
  fi
  command -v dockerd >/dev/null || apt_install docker.io
  command -v docker >/dev/null || apt_install docker.io
  [ "$(id -u)" = 0 ] || { log "no Docker engine answers and starting dockerd needs root"; exit 1; }
  # A dockerd that is still starting or stopping: let it finish rather than start a second one.
  for _ in $(seq 1 30); do pgrep -x dockerd >/dev/null || break; engine_answers && return; sleep 1; done
  if pgrep -x dockerd >/dev/null; then log "a dockerd runs but does not answer: stop it and run again"; exit 1; fi
  make_bridge
  log "starting dockerd (bridge $BRIDGE_NAME $BRIDGE_GATEWAY, ports on 127.0.0.1, no NAT; --network host works too)"
  # setsid: the daemon outlives this script and the build that called it.
  setsid dockerd --bridge="$BRIDGE_NAME" --ip=127.0.0.1 --iptables=false --ip-forward=false --ip-masq=false \
    >"$STATE_DIR/dockerd.log" 2>&1 < /dev/null &
  for _ in $(seq 1 60); do engine_answers && break; sleep 1; done
  engine_answers || { log "dockerd did not answer in 60 s; see $STATE_DIR/dockerd.log"; exit 1; }
  log "Docker engine started: $(docker version --format '{{.Server.Version}}')"
}

free_port() {
  python3 - <<'PY' 2>/dev/null || shuf -i 20000-40000 -n 1
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

registry_answers() {
  # The registry answers 401 on /v2/ without credentials when it is ours, alive and on TLS.
  local code
  code=$(curl -s --cacert "$STATE_DIR/registry-tls/ca.crt" -o /dev/null -w '%{http_code}' \
    "https://127.0.0.1:$1/v2/" 2>/dev/null || true)
  [ "$code" = 401 ]
}

# A self-signed certificate for 127.0.0.1 / localhost: the official CLI's "already pushed"
# check (`docker manifest inspect`) refuses a plain-http registry, so the registry speaks TLS.
make_registry_certificate() {
  local dir="$STATE_DIR/registry-tls"
  if [ -s "$dir/ca.crt" ] && [ -s "$dir/key.pem" ]; then return; fi
  command -v openssl >/dev/null || apt_install openssl
  mkdir -p "$dir"
  (umask 077; openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=cf-test-registry" \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -addext "basicConstraints=critical,CA:TRUE" \
    -keyout "$dir/key.pem" -out "$dir/ca.crt" 2>/dev/null)
  chmod 644 "$dir/ca.crt"
}

# The docker CLI (and the daemon) read a registry's CA from /etc/docker/certs.d/<host:port>/.
trust_registry_certificate() {
  local port=$1 dir="/etc/docker/certs.d/127.0.0.1:$1"
  if [ "$(id -u)" != 0 ]; then
    log "not root: copy $STATE_DIR/registry-tls/ca.crt to $dir/ca.crt for the docker CLI"; return
  fi
  mkdir -p "$dir" "/etc/docker/certs.d/localhost:$port"
  cp "$STATE_DIR/registry-tls/ca.crt" "$dir/ca.crt"
  cp "$STATE_DIR/registry-tls/ca.crt" "/etc/docker/certs.d/localhost:$port/ca.crt"
}

start_registry() {
  command -v docker-registry >/dev/null || apt_install docker-registry
  command -v htpasswd >/dev/null || apt_install apache2-utils
  make_registry_certificate
  local port="" user password
  if [ -f "$STATE_DIR/registry.port" ]; then port=$(cat "$STATE_DIR/registry.port"); fi
  if [ -n "$port" ] && registry_answers "$port" && [ -f "$STATE_DIR/registry.credentials" ]; then
    log "registry answers on https://127.0.0.1:$port"
    trust_registry_certificate "$port"
    return
  fi
  # One that no longer answers as expected (e.g. an older plain-http one) is replaced.
  if [ -f "$STATE_DIR/registry.pid" ]; then kill "$(cat "$STATE_DIR/registry.pid")" 2>/dev/null || true; fi
  port=$(free_port)
  user="cf-test"
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  mkdir -p "$STATE_DIR/registry-data"
  htpasswd -Bbn "$user" "$password" > "$STATE_DIR/htpasswd"
  printf '%s\n%s\n' "$user" "$password" > "$STATE_DIR/registry.credentials"
  chmod 600 "$STATE_DIR/registry.credentials"
  cat > "$STATE_DIR/registry.yml" <<YML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $STATE_DIR/registry-data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
  tls:
    certificate: $STATE_DIR/registry-tls/ca.crt
    key: $STATE_DIR/registry-tls/key.pem
auth:
  htpasswd:
    realm: cf-test-registry
    path: $STATE_DIR/htpasswd
YML
  setsid docker-registry serve "$STATE_DIR/registry.yml" >"$STATE_DIR/registry.log" 2>&1 < /dev/null &
  echo $! > "$STATE_DIR/registry.pid"
  for _ in $(seq 1 50); do registry_answers "$port" && break; sleep 0.2; done
  registry_answers "$port" || { log "registry did not answer; see $STATE_DIR/registry.log"; exit 1; }
  echo "$port" > "$STATE_DIR/registry.port"
  trust_registry_certificate "$port"
  log "registry started on https://127.0.0.1:$port"
}

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

# Copies the shared libraries a set of ELF files needs into a rootfs, keeping their paths.
copy_libs() {
  local root=$1; shift
  { for f in "$@"; do ldd "$f" 2>/dev/null || true; done; } \
    | grep -oE '/[^ ]+\.so[^ ]*' | sort -u | while read -r lib; do
        mkdir -p "$root$(dirname "$lib")"
        cp -L "$lib" "$root$lib"
      done
}

build_busybox_image() {
  if image_exists "$BUSYBOX_IMAGE"; then return; fi
  command -v busybox >/dev/null || apt_install busybox-static
  local dir; dir=$(mktemp -d)
  cp "$(command -v busybox)" "$dir/busybox"
  cat > "$dir/Dockerfile" <<'DF'
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
CMD ["/bin/sh"]
DF
  docker build -q -t "$BUSYBOX_IMAGE" "$dir" >/dev/null
  rm -rf "$dir"
  log "built $BUSYBOX_IMAGE"
}

# A Java runtime image like a public JRE base: /opt/java + busybox, `java` on PATH.
build_java_image() {
  local image=$1 java_home=$2 mode=$3
  if image_exists "$image"; then return; fi
  [ -x "$java_home/bin/java" ] || { log "no JDK at $java_home for $image"; exit 1; }
  local dir; dir=$(mktemp -d)
  mkdir -p "$dir/root/opt" "$dir/root/bin" "$dir/root/tmp"
  if [ "$mode" = jlink ]; then
    "$java_home/bin/jlink" --add-modules java.base,java.logging,java.net.http,java.management,jdk.httpserver,jdk.crypto.ec,jdk.unsupported,java.naming,java.xml \
      --strip-debug --no-header-files --no-man-pages --output "$dir/root/opt/java"
  else
    cp -a "$java_home/." "$dir/root/opt/java"
  fi
  cp "$(command -v busybox)" "$dir/root/bin/busybox"
  copy_libs "$dir/root" "$dir/root/opt/java/bin/"* $(find "$dir/root/opt/java/lib" -name '*.so')
  # glibc's loader for the ELF interpreter path, and a user entry for non-root images.
  mkdir -p "$dir/root/lib64" "$dir/root/etc"
  cp -L /lib64/ld-linux-x86-64.so.2 "$dir/root/lib64/"
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > "$dir/root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$dir/root/etc/group"
  cat > "$dir/Dockerfile" <<'DF'
FROM scratch
COPY root/ /
RUN ["/bin/busybox", "--install", "-s", "/bin"]
ENV JAVA_HOME=/opt/java PATH=/opt/java/bin:/bin
CMD ["java", "-version"]
DF
  docker build -q -t "$image" "$dir" >/dev/null
  rm -rf "$dir"
  log "built $image"
}

# A distroless-like runtime base: glibc and the libraries a jlinked JDK needs, busybox, no Java.
build_runtime_image() {
  if image_exists "$RUNTIME_IMAGE"; then return; fi
  [ -x "$JDK25_HOME/bin/java" ] || return 0
  local dir; dir=$(mktemp -d)
  mkdir -p "$dir/root/bin" "$dir/root/lib64" "$dir/root/etc" "$dir/root/tmp"
  cp "$(command -v busybox)" "$dir/root/bin/busybox"
  copy_libs "$dir/root" "$JDK25_HOME/bin/java" $(find "$JDK25_HOME/lib" -name '*.so')
  cp -L /lib64/ld-linux-x86-64.so.2 "$dir/root/lib64/"
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > "$dir/root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$dir/root/etc/group"
  chmod 1777 "$dir/root/tmp"
  cat > "$dir/Dockerfile" <<'DF'
FROM scratch
COPY root/ /
RUN ["/bin/busybox", "--install", "-s", "/bin"]
DF
  docker build -q -t "$RUNTIME_IMAGE" "$dir" >/dev/null
  rm -rf "$dir"
  log "built $RUNTIME_IMAGE"
}

# ~2 MB: static busybox, `nc -ll -e` running scripts/test-ground/egress-stand-in.sh per connection.
build_egress_image() {
  local handler="$SCRIPT_DIR/test-ground/egress-stand-in.sh" id
  id="$(sha256sum "$handler" | cut -c1-12)"
  if [ "$(docker image inspect -f '{{index .Config.Labels "cf-test.handler"}}' "$EGRESS_IMAGE" 2>/dev/null)" = "$id" ]; then return; fi
  command -v busybox >/dev/null || apt_install busybox-static
  command -v openssl >/dev/null || apt_install openssl
  local dir; dir=$(mktemp -d)
  mkdir -p "$dir/root/bin" "$dir/root/etc/stand-in"
  cp "$(command -v busybox)" "$dir/root/bin/busybox"
  cp "$handler" "$dir/root/bin/egress-stand-in"
  # workerd only fetches GET /ca; any certificate will do, and its key is thrown away.
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=cf-test-egress-stand-in" \
    -keyout /dev/null -out "$dir/root/etc/stand-in/ca.pem" 2>/dev/null
  cat > "$dir/Dockerfile" <<DF
FROM scratch
COPY root/ /
RUN ["/bin/busybox", "--install", "-s", "/bin"]
LABEL cf-test.handler=$id
EXPOSE 39001/tcp
ENTRYPOINT ["/bin/nc", "-ll", "-p", "39001", "-e", "/bin/egress-stand-in"]
DF
  docker build -q -t "$EGRESS_IMAGE" "$dir" >/dev/null
  rm -rf "$dir"
  log "built $EGRESS_IMAGE"
}

# The local Workers runtime the emulator runs uploaded Workers in (Miniflare, with wrangler
# 4.86.0: the newest on Node 20; the same pin and layout as the tests' WranglerTool). Installed
# with npm into ~/.cache/cf-containers when missing, into a fresh directory renamed into place.
WORKER_RUNTIME_DIR="${CF_CONTAINERS_CACHE:-$HOME/.cache/cf-containers}/wrangler-4.86.0"
worker_runtime_ready() {
  grep -q '"version": *"4.86.0"' "$WORKER_RUNTIME_DIR/node_modules/wrangler/package.json" 2>/dev/null \
    && [ -f "$WORKER_RUNTIME_DIR/node_modules/miniflare/package.json" ]
}
install_worker_runtime() {
  worker_runtime_ready && return 0
  command -v npm >/dev/null || apt_install nodejs npm
  local tmp
  mkdir -p "$(dirname "$WORKER_RUNTIME_DIR")"
  tmp="$(mktemp -d "$(dirname "$WORKER_RUNTIME_DIR")/.wrangler-4.86.0-XXXXXX")"
  echo '{"private":true}' > "$tmp/package.json"
  log "installing the local Workers runtime (wrangler 4.86.0, Miniflare) into $WORKER_RUNTIME_DIR"
  if ! (cd "$tmp" && npm install --no-audit --no-fund --no-save --loglevel=error \
      wrangler@4.86.0 @cloudflare/containers@0.3.7 >&2); then
    rm -rf "$tmp"
    log "npm could not install the Workers runtime: the emulator will forward straight to containers (announced)"
    return 0
  fi
  if [ -e "$WORKER_RUNTIME_DIR" ]; then mv "$WORKER_RUNTIME_DIR" "$WORKER_RUNTIME_DIR.old-$$" && rm -rf "$WORKER_RUNTIME_DIR.old-$$"; fi
  mv "$tmp" "$WORKER_RUNTIME_DIR" || { rm -rf "$tmp"; worker_runtime_ready; }
}

command -v curl >/dev/null || apt_install curl
start_engine
start_registry
build_busybox_image
build_java_image "$JAVA_IMAGE" "${CF_TEST_JDK17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}" jlink
if [ -x "$JDK25_HOME/bin/java" ]; then build_java_image "$JDK25_IMAGE" "$JDK25_HOME" full; fi
build_runtime_image
build_egress_image
install_worker_runtime

{
  echo "# written by scripts/test-ground.sh; source it"
  if [ -n "${DOCKER_HOST:-}" ]; then echo "export DOCKER_HOST='$DOCKER_HOST'"; fi
  echo "export CF_TEST_REGISTRY='127.0.0.1:$(cat "$STATE_DIR/registry.port")'"
  echo "export CF_TEST_REGISTRY_USER='$(sed -n 1p "$STATE_DIR/registry.credentials")'"
  echo "export CF_TEST_REGISTRY_PASSWORD='$(sed -n 2p "$STATE_DIR/registry.credentials")'"
  echo "export CF_TEST_REGISTRY_HTPASSWD='$STATE_DIR/htpasswd'"
  echo "export CF_TEST_REGISTRY_CA='$STATE_DIR/registry-tls/ca.crt'"
  echo "export CF_TEST_BUSYBOX_IMAGE='$BUSYBOX_IMAGE'"
  echo "export CF_TEST_JAVA_IMAGE='$JAVA_IMAGE'"
  if image_exists "$JDK25_IMAGE"; then echo "export CF_TEST_JDK25_IMAGE='$JDK25_IMAGE'"; fi
  if image_exists "$RUNTIME_IMAGE"; then echo "export CF_TEST_RUNTIME_IMAGE='$RUNTIME_IMAGE'"; fi
  # The local Workers runtime (wrangler dev / Miniflare) takes its sidecar image from here.
  echo "export MINIFLARE_CONTAINER_EGRESS_IMAGE='$EGRESS_IMAGE'"
  if engine_has_bridge; then echo "export CF_TEST_DOCKER_BRIDGE='$BRIDGE_NAME'"; fi
  # Where the emulator finds Miniflare to run uploaded Workers (its --worker-runtime default).
  if worker_runtime_ready; then echo "export CF_EMULATOR_WORKER_RUNTIME='$WORKER_RUNTIME_DIR'"; fi
} > "$ENV_FILE"
chmod 600 "$ENV_FILE"
echo "$ENV_FILE"
