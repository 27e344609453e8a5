import { Container, getContainer } from "@cloudflare/containers";

interface Env {
  MY_CONTAINER: DurableObjectNamespace<MyContainer>;
}

// Minimal stand-ins so the fixture needs no @cloudflare/workers-types (esbuild strips types).
declare class DurableObjectNamespace<T = unknown> {}

export class MyContainer extends Container<Env> {
  defaultPort = 8080;
  sleepAfter = "5m";
  envVars = { GREETING: "hello" };

  override onStart(): void {
    console.log("container started");
  }
}

/** A second container class, for the ITs that deploy two containers behind one Worker. */
export class SecondContainer extends Container<Env> {
  defaultPort = 8080;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const container = getContainer(env.MY_CONTAINER as any, "main");
    return container.fetch(request);
  },
};
