/**
 * A strict local stand-in for the Cloudflare API a container deploy uses: {@link
 * io.github.cfcontainers.emulator.CloudflareEmulator} (embedded in tests) and {@link
 * io.github.cfcontainers.emulator.EmulatorMain} (the cli jar) wire the packages below it.
 *
 * <p>Dependencies point one way: each package uses only those after it in {@code admin}, {@code
 * workers}, {@code containers}, {@code registry}, {@code state}, {@code http}. The emulator is an
 * independent oracle: it never imports the plugin, and its tables (instance types, field sets,
 * limits, binding rules) are deliberately its own, taken from the sources its API.md names next to
 * each rule, not from the plugin's.
 */
package io.github.cfcontainers.emulator;
