package org.credence.credential;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a recipient shares a credential from its page. The wire names are what share links carry
 * as {@code utm_medium} and what tracking counts share clicks by.
 */
public enum Channel {
    LINKEDIN_PROFILE("linkedin_profile", "linkedin"),
    LINKEDIN_POST("linkedin_post", "linkedin"),
    X("x", "x"),
    FACEBOOK("facebook", "facebook"),
    EMAIL("email", "email"),
    COPY_LINK("copy_link", "copy_link");

    private final String wireName;
    private final String source;

    Channel(String wireName, String source) {
        this.wireName = wireName;
        this.source = source;
    }

    /** The channel id on the wire: {@code linkedin_profile}, {@code x}, {@code copy_link} … */
    public String wireName() {
        return wireName;
    }

    /** The {@code utm_source}: the site a visitor arrives from (both LinkedIn channels are {@code linkedin}). */
    public String source() {
        return source;
    }

    /** The channel with this wire name, if there is one. */
    public static Optional<Channel> parse(String wireName) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(wireName)).findFirst();
    }
}
