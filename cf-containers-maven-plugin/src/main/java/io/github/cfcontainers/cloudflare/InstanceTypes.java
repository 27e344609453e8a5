package io.github.cfcontainers.cloudflare;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The named container instance types and their sizes. The API may answer with legacy names ({@code dev},
 * {@code standard}); compare through {@link #canonical(String)} or every deploy sees a false difference.
 */
public final class InstanceTypes {

    /** vCPU, memory and disk of a named instance type. */
    public record Size(String name, double vcpu, int memoryMib, int diskMb) {
    }

    private static final Map<String, Size> SIZES = Map.of(
            "lite", new Size("lite", 1.0 / 16, 256, 2000),
            "basic", new Size("basic", 0.25, 1024, 4000),
            "standard-1", new Size("standard-1", 0.5, 4096, 8000),
            "standard-2", new Size("standard-2", 1, 6144, 12000),
            "standard-3", new Size("standard-3", 2, 8192, 16000),
            "standard-4", new Size("standard-4", 4, 12288, 20000));

    private static final Map<String, String> LEGACY = Map.of("dev", "lite", "standard", "standard-1");

    private InstanceTypes() {
    }

    /** The current name for {@code name} ({@code dev} → {@code lite}, {@code standard} → {@code standard-1}); null stays null. */
    public static String canonical(String name) {
        if (name == null) {
            return null;
        }
        String lower = name.trim().toLowerCase(Locale.ROOT);
        return LEGACY.getOrDefault(lower, lower);
    }

    /** The size of a named (or legacy-named) instance type. */
    public static Optional<Size> size(String name) {
        return Optional.ofNullable(SIZES.get(canonical(name)));
    }
}
