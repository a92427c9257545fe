package org.credence.insights;

import java.util.Arrays;
import java.util.Optional;

/** The places a recipient can share a credential from its page; ids match the share links' UTM source. */
public enum Channel {
    LINKEDIN_PROFILE("linkedin_profile", "LinkedIn profile"),
    LINKEDIN_POST("linkedin_post", "LinkedIn post"),
    X("x", "X"),
    FACEBOOK("facebook", "Facebook"),
    EMAIL("email", "E-mail"),
    COPY_LINK("copy_link", "Copied link");

    private final String id;
    private final String label;

    Channel(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The stable lower-case id: {@code linkedin_post}. */
    public String id() {
        return id;
    }

    /** The English name for a chart legend. */
    public String label() {
        return label;
    }

    /** The channel with this id, or an exception listing the known ids. */
    public static Channel of(String id) {
        return parse(id).orElseThrow(() -> new IllegalArgumentException("unknown channel '" + id
                + "'; known: " + Arrays.stream(values()).map(Channel::id).toList()));
    }

    /** The channel with this id, if there is one. */
    public static Optional<Channel> parse(String id) {
        return Arrays.stream(values()).filter(channel -> channel.id.equals(id)).findFirst();
    }
}
