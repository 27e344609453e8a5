// Runs the bundled Worker in the local Workers runtime through Miniflare's API (the miniflare
// package that the Worker project's wrangler brings), with the options cf:dev planned from the
// POM. Written into target/ by cf-containers-maven-plugin:
//   node cf-dev-launcher.mjs --probe <workerProject>   prints CF_DEV_PROBE {version, egressImage}
//   node cf-dev-launcher.mjs <options.json>            serves; prints CF_DEV_READY <url>
//                                                      (stdin: the secrets as JSON, then end-of-file)
// SIGINT/SIGTERM dispose Miniflare (which ends workerd); the plugin removes the containers.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

async function loadMiniflare(workerProject) {
  // The Worker project's own miniflare: the version its wrangler pins.
  const require = createRequire(join(workerProject, "package.json"));
  try {
    const entry = require.resolve("miniflare");
    return { entry, module: await import(pathToFileURL(entry).href) };
  } catch (e) {
    console.log("CF_DEV_NO_RUNTIME " + e.message.split("\n")[0]);
    process.exit(3);
  }
}

if (process.argv[2] === "--probe") {
  const { entry } = await loadMiniflare(process.argv[3]);
  let version = "?";
  let dir = dirname(entry);
  for (let i = 0; i < 4; i++, dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      if (pkg.name === "miniflare") { version = pkg.version; break; }
    } catch { /* keep looking upwards */ }
  }
  // Miniflare neither pulls nor exports its default sidecar image: read it from its source.
  const found = /DEFAULT_CONTAINER_EGRESS_INTERCEPTOR_IMAGE = "([^"]+)"/.exec(readFileSync(entry, "utf8"));
  const egressImage = process.env.MINIFLARE_CONTAINER_EGRESS_IMAGE || (found ? found[1] : null);
  console.log("CF_DEV_PROBE " + JSON.stringify({ version, egressImage }));
  process.exit(0);
}

const config = JSON.parse(readFileSync(process.argv[2], "utf8"));
const { module: { Miniflare, Log, LogLevel, supportedCompatibilityDate } } = await loadMiniflare(config.workerProject);
const options = { ...config.miniflare };
// The Worker's secrets: all of stdin ({NAME: value}), never a file; bound like vars.
const secretsText = readFileSync(0, "utf8");
options.bindings = { ...(options.bindings || {}), ...(secretsText.trim() ? JSON.parse(secretsText) : {}) };
// A workerd refuses dates newer than itself; like wrangler dev, run with the newest it knows.
if (supportedCompatibilityDate && options.compatibilityDate > supportedCompatibilityDate) {
  console.log(`CF_DEV_WARN The compatibility date ${options.compatibilityDate} is newer than this runtime ` +
    `supports: running with ${supportedCompatibilityDate}. A newer wrangler in the Worker project ` +
    `(it needs Node 22.12+) runs with ${options.compatibilityDate}.`);
  options.compatibilityDate = supportedCompatibilityDate;
}
const mf = new Miniflare({ ...options, log: new Log(LogLevel.INFO) });

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`Stopping the local Workers runtime (${signal})`);
  try {
    await mf.dispose();
  } finally {
    process.exitCode = 0;
    setImmediate(() => process.exit());
  }
}
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));

try {
  const url = await mf.ready;
  console.log("CF_DEV_READY " + url.href);
} catch (e) {
  console.log("CF_DEV_FAILED " + (e && e.stack ? e.stack : e));
  process.exit(2);
}
