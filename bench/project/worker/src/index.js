import { Container } from "@cloudflare/containers";

export class Web extends Container {
  defaultPort = 8080;
}

export default {
  async fetch(request, env) {
    if (new URL(request.url).pathname === "/worker") return new Response("bench worker 0");
    return env.WEB.get(env.WEB.idFromName("one")).fetch(request);
  },
};
