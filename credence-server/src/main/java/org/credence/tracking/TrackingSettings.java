package org.credence.tracking;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How tracking runs, from the {@code CREDENCE_*} environment.
 *
 * @param retentionMonths   raw events older than this are deleted ({@code CREDENCE_EVENT_RETENTION_MONTHS}, default 25); rollups stay
 * @param geoipFiles        ip-location-db country CSV files ({@code CREDENCE_GEOIP_FILE}, several separated by {@code ,})
 * @param trustedProxy      the client address and country come from the proxy's headers ({@code CREDENCE_TRUSTED_PROXY=true}):
 *                          {@code CF-Connecting-IP} or the last {@code X-Forwarded-For} entry, and {@code CF-IPCountry}
 * @param groupCommit       events go through the batching writer (true, the default) or one transaction each
 *                          ({@code CREDENCE_TRACKING_WRITER=direct}, the benchmark's baseline)
 * @param countedPerMinute  events per truncated address per minute that may count ({@code CREDENCE_TRACKING_COUNTED_PER_MINUTE}, 120)
 * @param storedPerMinute   events per truncated address per minute that are stored at all ({@code CREDENCE_TRACKING_STORED_PER_MINUTE}, 600)
 * @param credentialCacheTtl how long a credential's tracking facts (consent, program URL) are cached
 */
public record TrackingSettings(int retentionMonths, List<Path> geoipFiles, boolean trustedProxy, boolean groupCommit,
                               long countedPerMinute, long storedPerMinute, Duration credentialCacheTtl) {
    public static final TrackingSettings DEFAULTS = new TrackingSettings(25, List.of(), false, true, 120, 600, Duration.ofSeconds(10));

    public TrackingSettings {
        if (retentionMonths < 1) {
            throw new IllegalArgumentException("CREDENCE_EVENT_RETENTION_MONTHS (" + retentionMonths + ") must be at least 1");
        }
        if (countedPerMinute < 1 || storedPerMinute < countedPerMinute) {
            throw new IllegalArgumentException("tracking rate limits: counted (" + countedPerMinute + ") must be at least 1 and at most stored ("
                    + storedPerMinute + ")");
        }
        geoipFiles = List.copyOf(geoipFiles);
    }

    public static TrackingSettings fromEnvironment(Map<String, String> env) {
        return new TrackingSettings(
                number(env, "CREDENCE_EVENT_RETENTION_MONTHS", DEFAULTS.retentionMonths),
                env.getOrDefault("CREDENCE_GEOIP_FILE", "").isBlank() ? List.of()
                        : Arrays.stream(env.get("CREDENCE_GEOIP_FILE").split(",")).map(String::strip).map(Path::of).toList(),
                "true".equalsIgnoreCase(env.getOrDefault("CREDENCE_TRUSTED_PROXY", "").strip()),
                !"direct".equalsIgnoreCase(env.getOrDefault("CREDENCE_TRACKING_WRITER", "").strip()),
                number(env, "CREDENCE_TRACKING_COUNTED_PER_MINUTE", DEFAULTS.countedPerMinute),
                number(env, "CREDENCE_TRACKING_STORED_PER_MINUTE", DEFAULTS.storedPerMinute),
                DEFAULTS.credentialCacheTtl);
    }

    /** The same settings with other rate limits (tests, benchmarks). */
    public TrackingSettings withRateLimits(long counted, long stored) {
        return new TrackingSettings(retentionMonths, geoipFiles, trustedProxy, groupCommit, counted, stored, credentialCacheTtl);
    }

    private static int number(Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return (int) fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }
}
