#!/usr/bin/env python3
"""The plugin against the official CLI on one ground: the same Worker + busybox project
(bench/project), each tool against its own fresh emulator, one TLS registry, runs alternated.

  python3 bench/bench.py [--trials 3] [--latency-ms 0,100] [--skip-install]

Phases: first deploy, unchanged, image change, Worker-only change, config-only change; per
phase and tool: wall time (median, min-max), CPU (user+sys) and peak memory of the process
tree, API requests and writes, bytes the registry gained. Floors: `mvn -B validate` and
`mvn -B deploy -Dcf.skip=true`; each of our goals' own wall time from Maven's log timestamps.
Each --latency-ms value (default 0 and 100) is a full set of trials with a proxy in front of
each emulator that holds every API request that long (one round trip each), as a real network
would. Ends with issue #13's targets, each met or not, from this one run.
Writes bench/results/latest.json and latest.md. Not part of `mvn verify`.
"""
import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ROOT / "bench" / "project"
CACHE = Path.home() / ".cache" / "cf-containers"
# The version the fidelity contract test pins on Node 20 (cf-containers-emulator WranglerContractTest).
WRANGLER_VERSION = "4.86.0"
CONTAINERS_PACKAGE = "@cloudflare/containers@0.3.7"
PHASES = ["first deploy", "unchanged", "image change", "Worker-only change", "config-only change"]
TOKEN = "bench-token-not-a-secret"


def log(msg):
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


def run(cmd, cwd=None, env=None, check=True, quiet=True):
    r = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE if quiet else None,
                       stderr=subprocess.STDOUT if quiet else None, text=True)
    if check and r.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, cmd))} exited {r.returncode}:\n{(r.stdout or '')[-4000:]}")
    return r


def test_ground():
    env_file = run(["bash", str(ROOT / "scripts" / "test-ground.sh")]).stdout.strip().splitlines()[-1]
    env = {}
    for line in Path(env_file).read_text().splitlines():
        m = re.match(r"export (\w+)='(.*)'$", line)
        if m:
            env[m.group(1)] = m.group(2)
    return env, Path(env_file).parent


def version():
    return re.search(r"<version>(.*?)</version>", (ROOT / "pom.xml").read_text().split("</parent>")[-1]).group(1)


def install_wrangler():
    target = CACHE / f"wrangler-{WRANGLER_VERSION}"
    marker = target / "node_modules" / "wrangler" / "package.json"
    if marker.is_file() and json.loads(marker.read_text())["version"] == WRANGLER_VERSION:
        return target
    log(f"installing wrangler {WRANGLER_VERSION} into {target}")
    target.mkdir(parents=True, exist_ok=True)
    run(["npm", "install", "--no-audit", "--no-fund", "--no-save", "--prefix", str(target),
         f"wrangler@{WRANGLER_VERSION}", CONTAINERS_PACKAGE])
    return target


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Emulator:
    """The emulator jar on 127.0.0.1, not running containers (the bench measures the deploy)."""

    def __init__(self, jar, ground, name):
        env = dict(os.environ, BENCH_TOKEN=TOKEN)
        self.log_path = Path(tempfile.mkstemp(prefix=f"bench-emulator-{name}-", suffix=".log")[1])
        self.proc = subprocess.Popen(
            ["java", "-jar", str(jar), "--port", "0", "--token-env", "BENCH_TOKEN", "--subdomain", name,
             "--no-containers", "--registry", ground["CF_TEST_REGISTRY"], "--registry-user",
             ground["CF_TEST_REGISTRY_USER"], "--registry-password-env", "CF_TEST_REGISTRY_PASSWORD",
             "--htpasswd", ground["CF_TEST_REGISTRY_HTPASSWD"]],
            env=dict(env, CF_TEST_REGISTRY_PASSWORD=ground["CF_TEST_REGISTRY_PASSWORD"]),
            stdout=open(self.log_path, "w"), stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        for _ in range(200):
            m = re.search(r"^export CLOUDFLARE_API_BASE_URL=(\S+)", self.log_path.read_text(), re.M)
            if m:
                break
            time.sleep(0.05)
        else:
            raise SystemExit(f"the emulator did not start; see {self.log_path}")
        self.api = m.group(1)
        self.account = re.search(r"^export CLOUDFLARE_ACCOUNT_ID=(\S+)", self.log_path.read_text(), re.M).group(1)
        self.admin = self.api.replace("/client/v4", "/__emulator")

    def call(self, method, path):
        req = urllib.request.Request(self.admin + path, method=method, data=b"" if method == "POST" else None)
        with urllib.request.urlopen(req, timeout=30) as r:
            return json.loads(r.read() or b"null")

    def api_requests(self):
        return [e for e in self.call("GET", "/requests") if e["path"].startswith("/client/v4")]

    def close(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)


class LatencyProxy(threading.Thread):
    """Holds each request (the first bytes after an answer, or of a connection) for `delay` s."""

    def __init__(self, upstream_port, delay):
        super().__init__(daemon=True)
        self.upstream = upstream_port
        self.delay = delay
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]

    def run(self):
        while True:
            client, _ = self.server.accept()
            threading.Thread(target=self.serve, args=(client,), daemon=True).start()

    def serve(self, client):
        upstream = socket.create_connection(("127.0.0.1", self.upstream))
        # Relay each chunk at once: with Nagle's algorithm, a chunk after a small one would wait
        # for the peer's delayed ACK (40 ms), a latency this proxy does not mean to add.
        for s in (client, upstream):
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        answered = threading.Event()
        answered.set()

        def pump(src, dst, is_request):
            try:
                while True:
                    data = src.recv(65536)
                    if not data:
                        break
                    if is_request and answered.is_set():
                        time.sleep(self.delay)
                        answered.clear()
                    if not is_request:
                        answered.set()
                    dst.sendall(data)
            except OSError:
                pass
            finally:
                for s in (src, dst):
                    try:
                        s.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass

        threading.Thread(target=pump, args=(upstream, client, False), daemon=True).start()
        pump(client, upstream, True)


def registry_bytes(ground_dir):
    return sum(f.stat().st_size for f in (ground_dir / "registry-data").rglob("*") if f.is_file())


def measured(cmd, cwd, env):
    """Wall seconds, CPU seconds (user+sys of the process tree) and peak RSS (MiB) of one command."""
    start = time.perf_counter()
    out = tempfile.TemporaryFile()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    out.seek(0)
    text = out.read().decode(errors="replace")
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} in {cwd} exited {proc.returncode}:\n{text[-6000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, text


# Maven's own log timestamps (MAVEN_OPTS below) give each goal's wall time: from its
# "--- plugin:version:goal (id) @ project ---" line to the next such line or the build's end.
MAVEN_TIMESTAMPS = "-Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS"
GOAL_LINE = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d{3}) \[INFO\] (?:--- (\S+?):\S+?:(\S+) \(|BUILD SUCCESS)", re.M)


def goal_seconds(log_text):
    """{"cf:build": s, "cf:deploy": s} from one mvn run's timestamped log."""
    marks = []
    for m in GOAL_LINE.finditer(log_text):
        h, mi, sec, ms, plugin, goal = m.groups()
        t = int(h) * 3600 + int(mi) * 60 + int(sec) + int(ms) / 1000
        marks.append((t, f"cf:{goal}" if plugin == "cf-containers-maven-plugin" else None))
    seconds = {}
    for (t, name), (t_next, _) in zip(marks, marks[1:]):
        if name:
            seconds[name] = round(seconds.get(name, 0) + (t_next - t) % 86400, 3)
    return seconds


class Project:
    """One tool's copy of bench/project, with the marks the phases change."""

    def __init__(self, tool, base_image, work):
        self.dir = work / tool
        shutil.copytree(PROJECT, self.dir)
        self.base_image = base_image
        run(["npm", "ci", "--no-audit", "--no-fund"], cwd=self.dir / "worker")

    def set(self, name, image_mark, worker_mark, max_instances):
        (self.dir / "www" / "index.html").write_text(f"bench image {image_mark}\n")
        src = (PROJECT / "worker" / "src" / "index.js").read_text()
        (self.dir / "worker" / "src" / "index.js").write_text(src.replace("bench worker 0", f"bench worker {worker_mark}"))
        (self.dir / "Dockerfile").write_text((PROJECT / "Dockerfile").read_text().replace("__BASE_IMAGE__", self.base_image))
        (self.dir / "wrangler.jsonc").write_text((PROJECT / "wrangler.jsonc").read_text()
                                                 .replace("__NAME__", name).replace("__MAX_INSTANCES__", str(max_instances)))
        self.name, self.max_instances = name, max_instances


def mvn_command(project, *extra):
    return ["mvn", "-B", "-ntp", *extra, f"-Dcf.workerName={project.name}", f"-Dbench.maxInstances={project.max_instances}"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--trials", type=int, default=3)
    ap.add_argument("--latency-ms", default="0,100",
                    help="comma-separated added API latencies, each a full set of trials (default 0,100)")
    ap.add_argument("--skip-install", action="store_true", help="use the plugin already in ~/.m2")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results"))
    args = ap.parse_args()
    latencies = [int(x) for x in str(args.latency_ms).split(",") if x.strip()]

    ground, ground_dir = test_ground()
    v = version()
    if not args.skip_install:
        log("installing the plugin and the emulator into the local Maven repository")
        run(["mvn", "-B", "-q", "-ntp", "install", "-DskipTests", "-Dinvoker.skip", "-Darchetype.test.skip=true",
             "-Dspotless.check.skip=true"], cwd=ROOT)
    jar = ROOT / "cf-containers-emulator" / "target" / f"cf-containers-emulator-{v}-cli.jar"
    wrangler_dir = install_wrangler()
    wrangler_js = wrangler_dir / "node_modules" / "wrangler" / "bin" / "wrangler.js"
    work = Path(tempfile.mkdtemp(prefix="cf-bench-"))
    docker_config = work / "docker-config"
    docker_config.mkdir()
    wrapper = work / "docker-wrapper.sh"
    shutil.copy(ROOT / "cf-containers-emulator" / "src" / "test" / "resources" / "wrangler-fixture" / "docker-wrapper.sh", wrapper)
    wrapper.chmod(0o755)

    emulators = {"wrangler": Emulator(jar, ground, "cli"), "mvn": Emulator(jar, ground, "mvn")}
    direct = {tool: int(re.search(r":(\d+)/", emu.api).group(1)) for tool, emu in emulators.items()}
    endpoints = {}
    projects = {tool: Project(tool, ground["CF_TEST_BUSYBOX_IMAGE"], work) for tool in emulators}

    def env_for(tool):
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("CLOUDFLARE_", "WRANGLER_", "DOCKER_CONFIG"))}
        env.update(CLOUDFLARE_API_BASE_URL=endpoints[tool], CLOUDFLARE_API_TOKEN=TOKEN,
                   CLOUDFLARE_ACCOUNT_ID=emulators[tool].account,
                   CLOUDFLARE_CONTAINER_REGISTRY=ground["CF_TEST_REGISTRY"])
        if tool == "wrangler":
            env.update(WRANGLER_DOCKER_BIN=str(wrapper), DOCKER_CONFIG=str(docker_config),
                       WRANGLER_SEND_METRICS="false", WRANGLER_SEND_ERROR_REPORTS="false",
                       WRANGLER_LOG_PATH=str(work / "wrangler-logs"))
        return env

    def deploy(tool):
        p = projects[tool]
        if tool == "wrangler":
            return measured(["node", str(wrangler_js), "deploy"], p.dir, env_for(tool))
        return measured(mvn_command(p, "deploy"), p.dir, dict(env_for(tool), MAVEN_OPTS=MAVEN_TIMESTAMPS))

    def trials(latency_ms):
        for tool, port in direct.items():
            if latency_ms:
                proxy = LatencyProxy(port, latency_ms / 1000)
                proxy.start()
                endpoints[tool] = emulators[tool].api.replace(f":{port}/", f":{proxy.port}/")
            else:
                endpoints[tool] = emulators[tool].api
        samples = {phase: {tool: [] for tool in emulators} for phase in PHASES}
        floors = {"mvn -B validate": [], "mvn -B deploy -Dcf.skip=true": []}
        for trial in range(1, args.trials + 1):
            order = ["wrangler", "mvn"] if trial % 2 else ["mvn", "wrangler"]
            for tool in order:
                emu, p = emulators[tool], projects[tool]
                emu.call("POST", "/reset")
                shutil.rmtree(p.dir / "target", ignore_errors=True)
                run_id = f"{latency_ms}-{trial}-{int(time.time())}"
                name = f"bench-{tool}-{latency_ms}-{trial}"
                steps = [(run_id + "-a", "0", 2), (run_id + "-a", "0", 2), (run_id + "-b", "0", 2),
                         (run_id + "-b", "1", 2), (run_id + "-b", "1", 3)]
                for phase, (image_mark, worker_mark, max_instances) in zip(PHASES, steps):
                    p.set(name, image_mark, worker_mark, max_instances)
                    before_requests, before_bytes = len(emu.api_requests()), registry_bytes(ground_dir)
                    wall, cpu, rss, output = deploy(tool)
                    requests = emu.api_requests()[before_requests:]
                    goals = goal_seconds(output) if tool == "mvn" else {}
                    samples[phase][tool].append({
                        "wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "peak_rss_mib": round(rss, 1),
                        "goals_s": goals, "api_requests": len(requests),
                        "api_writes": sum(1 for r in requests if r["method"] != "GET"),
                        "registry_bytes_added": registry_bytes(ground_dir) - before_bytes})
                    log(f"{latency_ms} ms trial {trial} {tool:8} {phase:20} {wall:6.2f} s  cpu {cpu:5.2f} s  "
                        f"{len(requests):3} requests  {goals or ''}")
                if tool == "mvn":
                    for label, extra in (("mvn -B validate", ["validate"]),
                                         ("mvn -B deploy -Dcf.skip=true", ["deploy", "-Dcf.skip=true"])):
                        floors[label].append(round(measured(mvn_command(p, *extra), p.dir, env_for(tool))[0], 3))
        return samples, floors

    runs = {}
    try:
        for latency_ms in latencies:
            runs[latency_ms] = trials(latency_ms)
    finally:
        for emu in emulators.values():
            emu.close()

    write_results(args, runs, v)
    shutil.rmtree(work, ignore_errors=True)


def summary(values):
    return {"median": round(statistics.median(values), 3), "min": min(values), "max": max(values)}


def phase_entry(by_tool):
    entry = {}
    for tool, runs in by_tool.items():
        goals = sorted({g for r in runs for g in r["goals_s"]})
        entry[tool] = {"wall_s": summary([r["wall_s"] for r in runs]),
                       "cpu_s": summary([r["cpu_s"] for r in runs]),
                       "peak_rss_mib": max(r["peak_rss_mib"] for r in runs),
                       "goals_s": {g: summary([r["goals_s"].get(g, 0) for r in runs]) for g in goals},
                       "api_requests": statistics.median([r["api_requests"] for r in runs]),
                       "api_writes": statistics.median([r["api_writes"] for r in runs]),
                       "registry_bytes_added": statistics.median([r["registry_bytes_added"] for r in runs]),
                       "runs": runs}
    return entry


def targets(result):
    """Issue #13's targets, each from this run's medians: (target, measured, limit, met)."""
    rows = []
    for latency_ms, r in result["latencies"].items():
        unchanged = r["phases"]["unchanged"]["mvn"]
        goals = unchanged["goals_s"]
        build = goals.get("cf:build", {}).get("median", float("nan"))
        deploy = goals.get("cf:deploy", {}).get("median", float("nan"))
        at = f" at {latency_ms} ms" if latency_ms else " at loopback"
        if not latency_ms:
            over = unchanged["wall_s"]["median"] - r["floors_s"]["mvn -B deploy -Dcf.skip=true"]["median"]
            rows.append(("unchanged `mvn -B deploy` over `-Dcf.skip=true`" + at, over, 0.30))
            rows.append(("unchanged `cf:build`" + at, build, 0.15))
            rows.append(("unchanged `cf:deploy`" + at, deploy, 0.30))
        else:
            base = result["latencies"].get(0) or result["latencies"].get("0")
            own = base["phases"]["unchanged"]["mvn"]["goals_s"].get("cf:deploy", {}).get("median", 0) if base else 0
            trips = (deploy - own) / (latency_ms / 1000)
            rows.append((f"unchanged `cf:deploy`{at}: round trips of wall time (over its loopback time)",
                         trips, 4, "trips"))
    return rows


def write_results(args, runs, plugin_version):
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    result = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "plugin_version": plugin_version, "wrangler_version": WRANGLER_VERSION,
        "trials": args.trials, "cores": os.cpu_count(), "latencies": {},
    }
    lines = [f"Trials: {args.trials} per latency, {os.cpu_count()} cores, {result['date']}, one run. "
             "Medians (min-max).", ""]
    fmt = lambda s: f"{s['median']:.2f} s ({s['min']:.2f}-{s['max']:.2f})"
    for latency_ms, (samples, floors) in runs.items():
        r = {"floors_s": {k: summary(v) for k, v in floors.items()},
             "phases": {phase: phase_entry(by_tool) for phase, by_tool in samples.items()}}
        result["latencies"][latency_ms] = r
        lines += [f"### Added API latency: {latency_ms} ms", "",
                  "| phase | wrangler " + WRANGLER_VERSION + " | `mvn -B deploy` | ratio | `cf:build` | `cf:deploy` | "
                  "CPU wrangler / mvn | peak MiB wrangler / mvn | requests (writes) wrangler / mvn | "
                  "registry bytes wrangler / mvn |",
                  "|---|---|---|---|---|---|---|---|---|---|"]
        for phase, entry in r["phases"].items():
            w, m = entry["wrangler"], entry["mvn"]
            goal = lambda g: f"{m['goals_s'][g]['median']:.2f} s" if g in m["goals_s"] else "-"
            lines.append(f"| {phase} | {fmt(w['wall_s'])} | {fmt(m['wall_s'])} | "
                         f"{m['wall_s']['median'] / w['wall_s']['median']:.1f}x | {goal('cf:build')} | {goal('cf:deploy')} | "
                         f"{w['cpu_s']['median']:.2f} / {m['cpu_s']['median']:.2f} s | "
                         f"{w['peak_rss_mib']:.0f} / {m['peak_rss_mib']:.0f} | "
                         f"{w['api_requests']:g} ({w['api_writes']:g}) / {m['api_requests']:g} ({m['api_writes']:g}) | "
                         f"{w['registry_bytes_added']:g} / {m['registry_bytes_added']:g} |")
        lines += ["", "Floors: " + ", ".join(f"`{k}` {v['median']:.2f} s" for k, v in r["floors_s"].items()) + ".", ""]
    rows = targets(result)
    if rows:
        lines += ["### Targets (issue #13)", "", "| target | measured | limit | met |", "|---|---|---|---|"]
        result["targets"] = []
        for row in rows:
            label, value, limit = row[:3]
            unit = " round trips" if len(row) > 3 else " s"
            met = value == value and value <= limit  # NaN (goal not seen) is not met
            result["targets"].append({"target": label, "measured": round(value, 3), "limit": limit, "met": met})
            lines.append(f"| {label} | {value:.2f}{unit} | {limit:g}{unit} | {'yes' if met else 'NOT met'} |")
    (out / "latest.json").write_text(json.dumps(result, indent=2) + "\n")
    (out / "latest.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
