// Runs one uploaded Worker in the local Workers runtime (workerd), through Miniflare's
// programmatic API, for the emulator's workers.dev stand-in. Started by the emulator
// (WorkerRuntime.java) as `node worker-runtime.mjs <dir>/config.json`; stops when its stdin
// closes or on SIGTERM. No secret is ever in the config: the emulator pulls images itself, and the
// Worker's secret_text values come as the first line of stdin ({NAME: value}), never from a file.
//
// config.json: {runtime, script, compatibilityDate, compatibilityFlags, modules:[{name, type, file}],
//   bindings:{NAME: value}, durableObjects:{NAME: {className, useSQLite, unsafeUniqueKey, imageName?}},
//   unboundDurableObjects:[same], dockerSocket, egressImage?}
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";

const configFile = path.resolve(process.argv[2]);
const dir = path.dirname(configFile);
const config = JSON.parse(readFileSync(configFile, "utf8"));
// Miniflare comes from the runtime directory the emulator was given (wrangler's node_modules).
const require = createRequire(path.join(config.runtime, "node_modules", "cf-emulator-launcher.js"));
const { Miniflare, Log, LogLevel, supportedCompatibilityDate } = require("miniflare");

// workerd refuses a date newer than its own build ("the newest date supported by this server
// binary is ..."); the real service runs a current workerd. Run on the newest date it has, and say so.
let compatibilityDate = config.compatibilityDate;
if (compatibilityDate > supportedCompatibilityDate) {
  console.error(`compatibility date ${compatibilityDate} is newer than this runtime supports: running on ${supportedCompatibilityDate}`);
  compatibilityDate = supportedCompatibilityDate;
}

// The first line of stdin: the secrets. Later, the end of stdin stops the runtime (below).
const secrets = await new Promise((resolve, reject) => {
  let buffered = "";
  const onData = (chunk) => {
    buffered += chunk;
    const newline = buffered.indexOf("\n");
    if (newline >= 0) {
      process.stdin.off("data", onData);
      resolve(JSON.parse(buffered.slice(0, newline) || "{}"));
    }
  };
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", onData);
  process.stdin.once("end", () => resolve({}));
  process.stdin.once("error", reject);
});

const textTypes = new Set(["ESModule", "CommonJS", "Text", "PythonModule", "PythonRequirement"]);
const modules = config.modules.map((m) => {
  const bytes = readFileSync(path.join(dir, "modules", m.file));
  return { type: m.type, path: path.join(dir, "root", m.name), contents: textTypes.has(m.type) ? bytes.toString("utf8") : bytes };
});

// workerd names a container `workerd-<uniqueKey>-<object id>`; the emulator picks uniqueKey so it
// can find and remove exactly the containers this Worker started.
const durableObject = (d) => ({
  className: d.className,
  useSQLite: d.useSQLite,
  unsafeUniqueKey: d.unsafeUniqueKey,
  ...(d.imageName ? { container: { imageName: d.imageName } } : {}),
});

const mf = new Miniflare({
  name: config.script,
  modules,
  modulesRoot: path.join(dir, "root"),
  compatibilityDate,
  compatibilityFlags: config.compatibilityFlags,
  bindings: { ...config.bindings, ...secrets },
  durableObjects: Object.fromEntries(Object.entries(config.durableObjects).map(([k, d]) => [k, durableObject(d)])),
  additionalUnboundDurableObjects: config.unboundDurableObjects.map(durableObject),
  containerEngine: {
    localDocker: {
      socketPath: config.dockerSocket,
      ...(config.egressImage ? { containerEgressInterceptorImage: config.egressImage } : {}),
    },
  },
  host: "127.0.0.1",
  port: 0,
  log: new Log(LogLevel.INFO, { prefix: "worker " + config.script }),
});

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  try {
    await mf.dispose();
  } finally {
    process.exit(code);
  }
}
process.on("SIGTERM", () => stop(0));
process.on("SIGINT", () => stop(0));
process.stdin.on("end", () => stop(0));
process.stdin.on("error", () => stop(0));
process.stdin.resume();

try {
  const url = await mf.ready;
  // The one line the emulator waits for.
  process.stdout.write(JSON.stringify({ "cf-emulator-ready": url.href, compatibilityDate }) + "\n");
} catch (e) {
  console.error("the Worker did not start: " + (e && e.stack ? e.stack : e));
  await stop(1);
}
