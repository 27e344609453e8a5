import { Container, getContainer } from "@cloudflare/containers";

interface Env {
  MY_CONTAINER: DurableObjectNamespace<MyContainer>;
  GREETING_SOURCE: string;
  API_KEY: string;
}

declare class DurableObjectNamespace<T = unknown> {}

export class MyContainer extends Container<Env> {
  defaultPort = 8080;
  sleepAfter = "5m";
  // A Worker secret into the container, the supported way.
  envVars = { GREETING: "hello from envVars", API_KEY: this.env.API_KEY };
}

/** GET /<instance>/<path>: <path> from the container instance named <instance>. */
export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    const [, instance, ...rest] = url.pathname.split("/");
    if (!instance) {
      return new Response(`var GREETING_SOURCE=${env.GREETING_SOURCE}\n`);
    }
    url.pathname = "/" + rest.join("/");
    return getContainer(env.MY_CONTAINER as any, instance).fetch(new Request(url, request));
  },
};
