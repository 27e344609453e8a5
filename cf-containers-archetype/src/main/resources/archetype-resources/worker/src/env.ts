import type { ${containerClass} } from "./container";

/** The Worker's bindings (the names must match the plugin's configuration in pom.xml). */
export interface Env {
  // Durable Object namespace of the container class (<binding> in pom.xml).
  ${bindingName}: DurableObjectNamespace<${containerClass}>;
  // Optional plain-text variable: the size of the /pool/ instance pool.
  POOL_SIZE?: string;
}
