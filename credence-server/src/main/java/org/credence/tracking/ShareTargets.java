package org.credence.tracking;

import java.net.URI;
import org.credence.insights.Channel;

/**
 * Where {@code GET /s/{number}/{channel}} sends the recipient after counting the click: the
 * share dialog of the channel for the credential page. The credential page helper provides the
 * real one (LinkedIn add-to-profile with its fields, Open Graph-aware posts); {@link #simple()}
 * is a plain stand-in.
 */
@FunctionalInterface
public interface ShareTargets {

    /**
     * @param credentialPage the public credential page, already carrying the channel's UTM tags
     */
    URI target(TrackedCredential credential, Channel channel, URI credentialPage);

    /**
     * The same, for a visitor reading the page in {@code lang} ({@code en}, {@code nb}, or null when
     * the link did not say): share texts (a post, a mail) are written in it.
     */
    default URI target(TrackedCredential credential, Channel channel, URI credentialPage, String lang) {
        return target(credential, channel, credentialPage);
    }

    /** Share dialogs with the credential page as the link and nothing personal. */
    static ShareTargets simple() {
        return (credential, channel, page) -> {
            String url = Links.encode(page.toString());
            String name = Links.encode(credential.achievementName());
            return URI.create(switch (channel) {
                case LINKEDIN_PROFILE -> "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=" + name
                        + "&certUrl=" + url + "&certId=" + Links.encode(credential.number());
                case LINKEDIN_POST -> "https://www.linkedin.com/sharing/share-offsite/?url=" + url;
                case X -> "https://x.com/intent/post?url=" + url + "&text=" + name;
                case FACEBOOK -> "https://www.facebook.com/sharer/sharer.php?u=" + url;
                case EMAIL -> "mailto:?subject=" + name + "&body=" + url;
                case COPY_LINK -> page.toString();
            });
        };
    }
}
