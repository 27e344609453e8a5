#!/usr/bin/env bash
# Start-up benchmark (not a test): the tuned image from ./Dockerfile against a plain
# `java -jar` of the same jar on a full JDK, both limited like Cloudflare's "lite"
# instance (1/16 vCPU, 256 MiB).
#
# Usage (from the project directory, after `mvn package`):
#   bench/startup.sh
# Environment (all optional):
#   RUNS=5                         starts per image
#   BASE_IMAGE=eclipse-temurin:25-jdk           build stage of ./Dockerfile (JDK 25+)
#   RUNTIME_IMAGE=gcr.io/distroless/base-debian12  runtime stage of ./Dockerfile
#   PLAIN_BASE_IMAGE=$BASE_IMAGE   full JDK image for the plain `java -jar` image
#   CPUS=0.0625 MEMORY=256m        the limits of each run
#   KEEP_IMAGES=1                  keep the two images afterwards
# Reports per image: time from `docker run` to the first HTTP 200 on / (median, min-max),
# the CPU time the container's cgroup used until then (less noisy on a shared machine; "-"
# where the cgroup is not found), peak memory of the container's cgroup (after the first
# answer and 20 more requests), the size of the image's own layers above its base image,
# and the floor: time from `docker run` to the exit of `java -version` in the same image
# under the same limits, with the image's own JVM options (its ENTRYPOINT up to `-jar`)
# and, for the tuned image, bare as well.
set -euo pipefail

RUNS=${RUNS:-5}
BASE_IMAGE=${BASE_IMAGE:-eclipse-temurin:25-jdk}
RUNTIME_IMAGE=${RUNTIME_IMAGE:-gcr.io/distroless/base-debian12}
PLAIN_BASE_IMAGE=${PLAIN_BASE_IMAGE:-$BASE_IMAGE}
CPUS=${CPUS:-0.0625}
MEMORY=${MEMORY:-256m}
TIMEOUT_S=${TIMEOUT_S:-60}

cd "$(dirname "$0")/.."
shopt -s nullglob
jars=(target/*.jar)
[ ${#jars[@]} -eq 1 ] || { echo "need exactly one target/*.jar: run 'mvn package' first" >&2; exit 1; }
command -v curl >/dev/null || { echo "needs curl" >&2; exit 1; }

tag="bench-$(basename "$PWD" | tr 'A-Z' 'a-z' | tr -c 'a-z0-9\n' '-')-$$"
tuned="$tag-tuned"
plain="$tag-plain"
workdir=$(mktemp -d)
containers=()
cleanup() {
  for c in "${containers[@]}"; do docker rm -f "$c" >/dev/null 2>&1 || true; done
  if [ -z "${KEEP_IMAGES:-}" ]; then docker rmi -f "$tuned" "$plain" >/dev/null 2>&1 || true; fi
  rm -rf "$workdir"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
    || shuf -i 20000-40000 -n 1
}

# Peak memory of a running container's cgroup in MiB (v2 memory.peak, v1 max_usage).
peak_mib() {
  local id=$1 f
  for f in /sys/fs/cgroup/system.slice/docker-$id.scope/memory.peak \
           /sys/fs/cgroup/docker/$id/memory.peak \
           /sys/fs/cgroup/memory/docker/$id/memory.max_usage_in_bytes \
           /sys/fs/cgroup/memory/system.slice/docker-$id.scope/memory.max_usage_in_bytes; do
    if [ -r "$f" ]; then echo $(( $(cat "$f") / 1024 / 1024 )); return; fi
  done
  # Fallback: current usage as docker stats reports it.
  docker stats --no-stream --format '{{.MemUsage}}' "$id" | cut -d/ -f1 | tr -d ' '
}

# CPU time a running container's cgroup used so far in ms (v2 cpu.stat, v1 cpuacct.usage).
cpu_ms() {
  local id=$1 f
  for f in /sys/fs/cgroup/system.slice/docker-$id.scope/cpu.stat /sys/fs/cgroup/docker/$id/cpu.stat; do
    if [ -r "$f" ]; then awk '$1 == "usage_usec" { print int($2 / 1000) }' "$f"; return; fi
  done
  for f in /sys/fs/cgroup/cpuacct/docker/$id/cpuacct.usage \
           /sys/fs/cgroup/cpuacct/system.slice/docker-$id.scope/cpuacct.usage; do
    if [ -r "$f" ]; then echo $(( $(cat "$f") / 1000000 )); return; fi
  done
  echo -
}

# Size of an image's own layers above its base image, and of the whole image.
own_size() {
  local image=$1 base=$2 size base_size
  size=$(docker image inspect --format '{{.Size}}' "$image")
  base_size=$(docker image inspect --format '{{.Size}}' "$base" 2>/dev/null || echo 0)
  awk -v s="$size" -v b="$base_size" 'BEGIN { printf "%.1f MiB (whole image %.1f MiB)", (s - b) / 1048576, s / 1048576 }'
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
# "median (min-max)" of the numbers on stdin.
spread() { sort -n | awk '{a[NR]=$1} END {m = (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)); printf "%d (%d-%d)", m, a[1], a[NR]}'; }

echo "building $tuned (./Dockerfile, BASE_IMAGE=$BASE_IMAGE RUNTIME_IMAGE=$RUNTIME_IMAGE)"
docker build -q -t "$tuned" --build-arg "BASE_IMAGE=$BASE_IMAGE" \
  --build-arg "RUNTIME_IMAGE=$RUNTIME_IMAGE" . >/dev/null

echo "building $plain (java -jar on $PLAIN_BASE_IMAGE)"
cp "${jars[0]}" "$workdir/app.jar"
cat > "$workdir/Dockerfile" <<DF
FROM $PLAIN_BASE_IMAGE
COPY app.jar /app/app.jar
USER 10001:10001
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
DF
docker build -q -t "$plain" "$workdir" >/dev/null

# One start: sets RUN_MS (ms to the first 200), RUN_CPU (CPU ms until then) and RUN_MEM (peak MiB).
run_once() {
  local image=$1 port name id start code elapsed
  port=$(free_port)
  name="$tag-run-$RANDOM"
  start=$(now_ms)
  id=$(docker run -d --name "$name" --cpus="$CPUS" --memory="$MEMORY" --network host \
        -e PORT="$port" -e HOST=127.0.0.1 -e MESSAGE=bench "$image")
  containers+=("$name")
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/" || true)
    [ "$code" = 200 ] && break
    if [ $(( $(now_ms) - start )) -gt $(( TIMEOUT_S * 1000 )) ]; then
      echo "no 200 from $image within $TIMEOUT_S s; its log:" >&2; docker logs "$name" >&2; exit 1
    fi
    sleep 0.02
  done
  elapsed=$(( $(now_ms) - start ))
  RUN_CPU=$(cpu_ms "$id")
  for _ in $(seq 1 20); do curl -s -o /dev/null "http://127.0.0.1:$port/health"; done
  RUN_MS=$elapsed
  RUN_MEM=$(peak_mib "$id")
  docker rm -f "$name" >/dev/null
}

# The image's java command with its own JVM options: its ENTRYPOINT up to "-jar".
java_command() {
  local arg
  docker image inspect --format '{{range .Config.Entrypoint}}{{println .}}{{end}}' "$1" |
    while IFS= read -r arg; do [ "$arg" = -jar ] && break; [ -n "$arg" ] && printf '%s\n' "$arg"; done
}

# One `java -version` (the floor): sets RUN_MS, from `docker run` until the container exited.
version_once() {
  local image=$1 name start; shift
  name="$tag-floor-$RANDOM"
  start=$(now_ms)
  containers+=("$name")
  docker run --name "$name" --cpus="$CPUS" --memory="$MEMORY" --network none \
    --entrypoint "$1" "$image" "${@:2}" -version >/dev/null 2>&1 \
    || { echo "java -version failed in $image:" >&2; docker logs "$name" >&2; docker rm -f "$name" >/dev/null; exit 1; }
  RUN_MS=$(( $(now_ms) - start ))
  docker rm -f "$name" >/dev/null
}

floor() {
  local image=$1 times=() i; shift
  for i in $(seq 1 "$RUNS"); do version_once "$image" "$@"; times+=("$RUN_MS"); done
  printf '%s\n' "${times[@]}" | spread
}

declare -A median_ms spread_ms median_mem spread_cpu median_cpu
for image in "$tuned" "$plain"; do
  times=(); mems=(); cpus=()
  for i in $(seq 1 "$RUNS"); do
    run_once "$image"
    echo "  $image run $i: first 200 after ${RUN_MS} ms (CPU ${RUN_CPU} ms), peak ${RUN_MEM} MiB"
    times+=("$RUN_MS"); mems+=("$RUN_MEM"); cpus+=("$RUN_CPU")
  done
  median_ms[$image]=$(printf '%s\n' "${times[@]}" | median)
  spread_ms[$image]=$(printf '%s\n' "${times[@]}" | spread)
  median_mem[$image]=$(printf '%s\n' "${mems[@]}" | median)
  if [ "${cpus[0]}" = - ]; then spread_cpu[$image]=-; median_cpu[$image]=-; else
    spread_cpu[$image]=$(printf '%s\n' "${cpus[@]}" | spread)
    median_cpu[$image]=$(printf '%s\n' "${cpus[@]}" | median)
  fi
done

mapfile -t tuned_java < <(java_command "$tuned")
mapfile -t plain_java < <(java_command "$plain")
echo "floor: java -version, $RUNS times per image"
floor_tuned=$(floor "$tuned" "${tuned_java[@]}")
floor_tuned_bare=$(floor "$tuned" "${tuned_java[0]}")
floor_plain=$(floor "$plain" "${plain_java[@]}")

echo
echo "ms from docker run: median (min-max) of $RUNS; limits --cpus=$CPUS --memory=$MEMORY"
printf '%-6s %-20s %-16s %-20s %9s   %s\n' image "first 200" "CPU to 200" "java -version" "peak mem" "own layers"
printf '%-6s %-20s %-16s %-20s %5s MiB   %s\n' tuned "${spread_ms[$tuned]}" "${spread_cpu[$tuned]}" "$floor_tuned" "${median_mem[$tuned]}" "$(own_size "$tuned" "$RUNTIME_IMAGE")"
printf '%-6s %-20s %-16s %-20s %5s MiB   %s\n' plain "${spread_ms[$plain]}" "${spread_cpu[$plain]}" "$floor_plain" "${median_mem[$plain]}" "$(own_size "$plain" "$PLAIN_BASE_IMAGE")"
echo "(tuned java -version with the image's JVM options: ${tuned_java[*]:1}; bare: $floor_tuned_bare)"
awk -v t="${median_ms[$tuned]}" -v p="${median_ms[$plain]}" \
  'BEGIN { r = t / p; printf "tuned/plain time to first 200: %.2f (target <= 0.30): %s\n", r, (r <= 0.30 ? "met" : "NOT met") }'
if [ "${median_cpu[$tuned]}" != - ] && [ "${median_cpu[$plain]}" != - ]; then
  awk -v t="${median_cpu[$tuned]}" -v p="${median_cpu[$plain]}" \
    'BEGIN { printf "tuned/plain CPU to first 200: %.2f\n", t / p }'
fi
