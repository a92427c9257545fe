package org.credence.tracking;

/** What kind of client sent a request, judged from its User-Agent. */
public enum UserAgentClass {
    BROWSER("browser"),
    MOBILE("mobile"),
    /** Matched the COUNTER robots list or another crawler pattern: never counted. */
    BOT("bot"),
    /** A mail security gateway that opens links before the person does: never counted. */
    MAIL_SCANNER("mail-scanner"),
    /** A chat or social network fetching a link to draw its preview card: never counted. */
    LINK_PREVIEW("link-preview"),
    OTHER("other");

    private final String id;

    UserAgentClass(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Whether requests from this class are machines, stored as not counted with reason {@code bot}. */
    public boolean isMachine() {
        return this == BOT || this == MAIL_SCANNER || this == LINK_PREVIEW;
    }
}
