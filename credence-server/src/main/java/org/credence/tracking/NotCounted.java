package org.credence.tracking;

/** Why a stored event does not count. */
public enum NotCounted {
    BOT("bot"),
    DOUBLE_CLICK("double-click"),
    RECIPIENT_SELF("recipient-self"),
    RATE_LIMITED("rate-limited");

    private final String id;

    NotCounted(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
