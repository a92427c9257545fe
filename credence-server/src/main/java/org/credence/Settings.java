package org.credence;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.credence.delivery.MailSettings;
import org.credence.tracking.TrackingSettings;

/**
 * How this installation runs: from the command line and the {@code CREDENCE_*} environment.
 *
 * @param durable fsync the embedded database (the product); tests turn it off for speed
 * @param mail the SMTP server ({@code CREDENCE_SMTP_*}), or the outbox folder when there is none
 * @param tracking retention, country source, proxy trust and rate limits of engagement tracking
 * @param fetchPrivateNetworks the verifier may fetch other issuers' documents from loopback and private addresses, and
 *     over plain http ({@code CREDENCE_FETCH_PRIVATE_NETWORKS=true}; tests and closed networks only, default false)
 * @param host the address HTTP listens on ({@code 127.0.0.1}: this machine only; {@code 0.0.0.0}: every interface)
 */
public record Settings(int port, Path dataDirectory, Optional<String> databaseUrl, Optional<String> bootstrapApiKey,
                       Optional<String> masterKey, Optional<URI> publicUrl, boolean durable, MailSettings mail, TrackingSettings tracking,
                       boolean fetchPrivateNetworks, String host) {
    /** Every interface, IPv4 and IPv6 (Java binds the dual-stack wildcard for it). */
    public static final String EVERY_INTERFACE = "0.0.0.0";
    /** This machine only. */
    public static final String LOOPBACK = "127.0.0.1";

    /** Settings listening on every interface (tests and benchmarks, as before {@code --host} existed). */
    public Settings(int port, Path dataDirectory, Optional<String> databaseUrl, Optional<String> bootstrapApiKey,
                    Optional<String> masterKey, Optional<URI> publicUrl, boolean durable, MailSettings mail, TrackingSettings tracking,
                    boolean fetchPrivateNetworks) {
        this(port, dataDirectory, databaseUrl, bootstrapApiKey, masterKey, publicUrl, durable, mail, tracking, fetchPrivateNetworks, EVERY_INTERFACE);
    }

    /** Settings whose verifier fetches from public addresses only. */
    public Settings(int port, Path dataDirectory, Optional<String> databaseUrl, Optional<String> bootstrapApiKey,
                    Optional<String> masterKey, Optional<URI> publicUrl, boolean durable, MailSettings mail, TrackingSettings tracking) {
        this(port, dataDirectory, databaseUrl, bootstrapApiKey, masterKey, publicUrl, durable, mail, tracking, false);
    }

    /** Settings that write mail to the outbox, with tracking's defaults. */
    public Settings(int port, Path dataDirectory, Optional<String> databaseUrl, Optional<String> bootstrapApiKey,
                    Optional<String> masterKey, Optional<URI> publicUrl, boolean durable) {
        this(port, dataDirectory, databaseUrl, bootstrapApiKey, masterKey, publicUrl, durable, MailSettings.OUTBOX);
    }

    /** Settings with tracking's defaults. */
    public Settings(int port, Path dataDirectory, Optional<String> databaseUrl, Optional<String> bootstrapApiKey,
                    Optional<String> masterKey, Optional<URI> publicUrl, boolean durable, MailSettings mail) {
        this(port, dataDirectory, databaseUrl, bootstrapApiKey, masterKey, publicUrl, durable, mail, TrackingSettings.DEFAULTS);
    }

    public static Settings fromEnvironment(int port, Path dataDirectory, Map<String, String> env) {
        return fromEnvironment(Optional.empty(), port, dataDirectory, env);
    }

    /**
     * Settings from the environment, listening on {@code host} when given, else on {@code CREDENCE_HOST}, else on
     * {@link #defaultHost}.
     */
    public static Settings fromEnvironment(Optional<String> host, int port, Path dataDirectory, Map<String, String> env) {
        Optional<URI> publicUrl = nonBlank(env.get("CREDENCE_PUBLIC_URL")).map(u -> URI.create(u.replaceAll("/+$", "")));
        return new Settings(port, dataDirectory, nonBlank(env.get("CREDENCE_DATABASE_URL")), nonBlank(env.get("CREDENCE_BOOTSTRAP_API_KEY")),
                nonBlank(env.get("CREDENCE_MASTER_KEY")), publicUrl, true,
                MailSettings.fromEnvironment(env), TrackingSettings.fromEnvironment(env),
                "true".equalsIgnoreCase(env.getOrDefault("CREDENCE_FETCH_PRIVATE_NETWORKS", "").strip()),
                host.filter(h -> !h.isBlank()).or(() -> nonBlank(env.get("CREDENCE_HOST"))).orElse(defaultHost(publicUrl)));
    }

    /**
     * This machine only, unless a public URL is set: without one every link says {@code localhost}, so the
     * installation is a trial nobody else should reach; with one, other machines (a proxy, a container's port
     * mapping, the public) must reach it.
     */
    static String defaultHost(Optional<URI> publicUrl) {
        return publicUrl.isPresent() ? EVERY_INTERFACE : LOOPBACK;
    }

    /** The public base URL: {@code CREDENCE_PUBLIC_URL}, or this machine at the port actually bound. */
    public URI publicUrl(int boundPort) {
        return publicUrl.orElse(URI.create("http://localhost:" + boundPort));
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
