import { getContainer, getRandom } from "@cloudflare/containers";
import type { Env } from "./env";

// The Worker must export the container class from its entry module.
export { ${containerClass} } from "./container";

/** Instances in the /pool/ pool unless POOL_SIZE says otherwise (at most maxInstances). */
const DEFAULT_POOL_SIZE = 3;
const MAX_INSTANCES = ${maxInstances};

/** The size of the random pool: POOL_SIZE if set and valid, clamped to 1..MAX_INSTANCES. */
function poolSize(env: Env): number {
  const wanted = Number.parseInt(env.POOL_SIZE ?? "", 10);
  const size = Number.isFinite(wanted) && wanted > 0 ? wanted : DEFAULT_POOL_SIZE;
  return Math.max(1, Math.min(size, MAX_INSTANCES));
}

/** A name usable as a Durable Object name: at most 64 of [A-Za-z0-9._-]. */
function instanceName(raw: string): string | null {
  const name = decodeURIComponent(raw);
  return /^[A-Za-z0-9._-]{1,64}$/.test(name) ? name : null;
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    const segments = url.pathname.split("/").filter((s) => s.length > 0);

    // Answered by the Worker itself: no container involved.
    if (url.pathname === "/worker/health") {
      return json({ status: "ok", worker: "${workerName}", poolSize: poolSize(env) });
    }

    // One named instance per path segment: /instance/<name>/... always reaches the same container.
    if (segments[0] === "instance") {
      const name = segments.length > 1 ? instanceName(segments[1]) : null;
      if (name === null) {
        return json({ error: "usage: /instance/<name>/... with name of [A-Za-z0-9._-]{1,64}" }, 400);
      }
      return getContainer(env.${bindingName}, name).fetch(request);
    }

    // One instance per session: the x-session-id header (or ?session=) picks the instance.
    if (segments[0] === "session") {
      const raw = request.headers.get("x-session-id") ?? url.searchParams.get("session");
      const name = raw === null ? null : instanceName(raw);
      if (name === null) {
        return json({ error: "send an x-session-id header (or ?session=) of [A-Za-z0-9._-]{1,64}" }, 400);
      }
      return getContainer(env.${bindingName}, "session-" + name).fetch(request);
    }

    // A fixed pool picked at random: stateless requests spread over POOL_SIZE instances.
    if (segments[0] === "pool") {
      const container = await getRandom(env.${bindingName}, poolSize(env));
      return container.fetch(request);
    }

    // Everything else: one shared instance.
    return getContainer(env.${bindingName}).fetch(request);
  },
} satisfies ExportedHandler<Env>;
