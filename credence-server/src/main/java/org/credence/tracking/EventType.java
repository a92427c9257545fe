package org.credence.tracking;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.credence.insights.Channel;

/**
 * What happened to a credential. Each type names what it is about in its {@code channel}: the
 * item viewed, the share channel, the verification method, the referral target, the file
 * downloaded; {@code ""} for types that have none.
 */
public enum EventType {
    CLAIM("claim", false, ""),
    VIEW("view", true, "credential_page", "pdf", "badge", "verification_page"),
    SHARE_CLICK("share_click", false, Arrays.stream(Channel.values()).map(Channel::id).toArray(String[]::new)),
    DOWNLOAD("download", false, "pdf", "badge", "json"),
    WALLET_EXPORT("wallet_export", false, ""),
    VERIFICATION("verification", true, "page", "api", "file"),
    REFERRAL_CLICK("referral_click", true, "program", "issuer");

    private final String id;
    private final boolean thirdParty;
    private final Set<String> channels;

    EventType(String id, boolean thirdParty, String... channels) {
        this.id = id;
        this.thirdParty = thirdParty;
        this.channels = Set.of(channels);
    }

    /** The id stored in the event table: {@code share_click}. */
    public String id() {
        return id;
    }

    /**
     * Whether the event is about someone other than the recipient (views, verifications,
     * referral clicks): the recipient's own are stored but not counted.
     */
    public boolean countsOnlyOthers() {
        return thirdParty;
    }

    /** The channels this type accepts. */
    public Set<String> channels() {
        return channels;
    }

    /** The channel, checked against this type; the message lists the accepted ones. */
    public String requireChannel(String channel) {
        String value = channel == null ? "" : channel;
        if (!channels.contains(value)) {
            throw new IllegalArgumentException("channel '" + value + "' is not one of " + id + "'s: "
                    + channels.stream().sorted().map(c -> c.isEmpty() ? "(none)" : c).collect(Collectors.joining(", ")));
        }
        return value;
    }

    /** The type with this id, if there is one. */
    public static Optional<EventType> parse(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}
