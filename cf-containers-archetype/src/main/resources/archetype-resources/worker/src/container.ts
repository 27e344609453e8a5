import { Container } from "@cloudflare/containers";
import type { StopParams } from "@cloudflare/containers";
import type { Env } from "./env";

/**
 * The Durable Object class that owns one running instance of the Java service's image.
 * Each Durable Object id (a name given to getContainer, or "instance-<k>" from getRandom)
 * is one container instance.
 */
export class ${containerClass} extends Container<Env> {
  // The port the Java service listens on (its PORT default; see App.java).
  defaultPort = ${defaultPort};
  // Stop the instance after this long without requests; the next request starts it again.
  sleepAfter = "3m";
  // Environment variables of the container process. A Worker secret (<secrets> in pom.xml) reaches
  // the container this way, e.g. API_KEY: this.env.API_KEY, never baked into the image.
  envVars = {
    MESSAGE: "I was passed in via the container class!",
  };

  override onStart(): void {
    console.log("Container successfully started");
  }

  override onStop(params: StopParams): void {
    console.log("Container successfully shut down", params.exitCode, params.reason);
  }

  override onError(error: unknown): unknown {
    console.log("Container error:", error);
    // Rethrow (the base class does too) so the request that hit the error fails visibly.
    throw error;
  }
}
