// A container Worker for WorkerRuntimeTest: /worker answers from the Worker itself,
// /instance/<name>/<path> reaches the named container instance, anything else instance "main".
import { Container, getContainer } from "@cloudflare/containers";

export class Web extends Container {
  defaultPort = 8080;
  // A Worker secret reaches the container the supported way: through envVars.
  envVars = { MESSAGE: "__MESSAGE__", API_KEY: this.env.API_KEY ?? "unset" };
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === "/worker") return new Response("worker says " + env.GREETING);
    const seg = url.pathname.split("/").filter((s) => s.length > 0);
    const named = seg[0] === "instance" && seg.length > 1;
    const path = named ? "/" + seg.slice(2).join("/") : url.pathname;
    return getContainer(env.WEB, named ? seg[1] : "main").fetch(new Request(new URL(path, url), request));
  },
};
