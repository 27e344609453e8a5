#!/usr/bin/env bash
# The main job, end to end on the local defaults: a Java service generated from the archetype,
# built into an image with `mvn package`, deployed with `mvn deploy` to the local Cloudflare
# emulator and the real local registry, then called through the emulator's workers.dev
# stand-in. Installs and starts what it needs (scripts/test-ground.sh); leaves nothing running.
#   DEMO_DIR   where the project is generated (default: target/demo)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
say() { echo; echo "==> $*"; }

if ! command -v mvn >/dev/null || ! command -v npm >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "Maven and npm are needed: install them (apt-get install maven npm)" >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven npm >&2
fi

say "Test ground: Docker engine, local registry, base images"
ENV_FILE=$(bash scripts/test-ground.sh)
# shellcheck disable=SC1090
source "$ENV_FILE"
STATE_DIR=$(dirname "$ENV_FILE")

say "Installing the plugin, the archetype and the emulator into the local Maven repository"
mvn -B -q -ntp install -DskipTests -Dinvoker.skip -Darchetype.test.skip=true
VERSION=$(sed -n "s:^  <version>\(.*\)</version>:\1:p" pom.xml | head -n 1)

say "Starting the Cloudflare API emulator on 127.0.0.1 (token kept in $STATE_DIR, never printed)"
TOKEN_FILE="$STATE_DIR/demo.token"
(umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$TOKEN_FILE")
EMULATOR_LOG="$STATE_DIR/demo-emulator.log"
CLOUDFLARE_API_TOKEN="$(cat "$TOKEN_FILE")" setsid java -jar \
  cf-containers-emulator/target/cf-containers-emulator-"$VERSION"-cli.jar \
  --port 0 --token-env CLOUDFLARE_API_TOKEN --subdomain demo \
  --registry "$CF_TEST_REGISTRY" --registry-user "$CF_TEST_REGISTRY_USER" \
  --registry-password-env CF_TEST_REGISTRY_PASSWORD --htpasswd "$CF_TEST_REGISTRY_HTPASSWD" \
  ${CF_EMULATOR_WORKER_RUNTIME:+--worker-runtime "$CF_EMULATOR_WORKER_RUNTIME"} \
  > "$EMULATOR_LOG" 2>&1 < /dev/null &
EMULATOR_PID=$!
trap 'kill $EMULATOR_PID 2>/dev/null; wait $EMULATOR_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q '^export CLOUDFLARE_API_BASE_URL=' "$EMULATOR_LOG" && break; sleep 0.1; done
eval "$(grep '^export CLOUDFLARE_' "$EMULATOR_LOG")"
export CLOUDFLARE_API_TOKEN="$(cat "$TOKEN_FILE")"
echo "API: $CLOUDFLARE_API_BASE_URL  account: $CLOUDFLARE_ACCOUNT_ID  registry: $CLOUDFLARE_CONTAINER_REGISTRY"

DEMO_DIR="${DEMO_DIR:-$ROOT/target/demo}"
say "Generating hello-cloudflare from the archetype in $DEMO_DIR"
rm -rf "$DEMO_DIR/hello-cloudflare"
mkdir -p "$DEMO_DIR"
(cd "$DEMO_DIR" && mvn -B -q -ntp archetype:generate -DarchetypeGroupId=io.github.cfcontainers \
  -DarchetypeArtifactId=cf-containers-archetype -DarchetypeVersion="$VERSION" \
  -DgroupId=com.example -DartifactId=hello-cloudflare -DinteractiveMode=false)

# No image can be pulled here: the Dockerfile's public base images are swapped for local ones.
IMAGES=(-Dcf.baseImage="$CF_TEST_JDK25_IMAGE" -Dcf.runtimeImage="$CF_TEST_RUNTIME_IMAGE")
say "mvn deploy: tests, jar, image, Worker bundle, push, Worker upload, container application"
(cd "$DEMO_DIR/hello-cloudflare" && mvn -B -ntp deploy "${IMAGES[@]}") | grep -E '\[(INFO|WARNING|ERROR)\] (Tests run|Building|Bundl|Built|Image|Worker|Application|workers|Deployed|https|BUILD|  [0-9a-f]+: Pushed)' || true

URL="${CLOUDFLARE_API_BASE_URL%/client/v4}/__workers/hello-cloudflare/"
say "Calling the deployed app through the emulator's workers.dev stand-in: $URL"
# The stand-in runs the uploaded Worker in Miniflare: Worker -> Durable Object -> container, so the
# container gets the class's envVars (MESSAGE, set in worker/src/container.ts).
for _ in $(seq 1 120); do
  if answer=$(curl -fsS --max-time 60 -D "$STATE_DIR/demo-headers" "$URL" 2>/dev/null); then
    echo "$answer"
    grep -i '^cf-emulator-traffic:' "$STATE_DIR/demo-headers" || true
    if ! grep -qi '^cf-emulator-traffic: worker' "$STATE_DIR/demo-headers"; then
      echo "The emulator did not run the Worker (fallback, see the header above); emulator log: $EMULATOR_LOG" >&2
      exit 1
    fi
    if ! grep -q 'MESSAGE: I was passed in via the container class!' <<<"$answer"; then
      echo "The container did not get the Container class's envVars; emulator log: $EMULATOR_LOG" >&2
      exit 1
    fi
    say "Done: the Java service answered through the deployed Worker, with the container class's envVars."
    exit 0
  fi
  sleep 1
done
echo "The deployed app did not answer; emulator log: $EMULATOR_LOG" >&2
exit 1
