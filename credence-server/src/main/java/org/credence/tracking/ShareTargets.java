package org.credence.tracking;

import java.net.URI;
import org.credence.insights.Channel;

/**
 * Where {@code GET /s/{number}/{channel}} sends the recipient after counting the click: the
 * share dialog of the channel for the credential page. The credential page provides it
 * ({@code CredentialPages.shareTargets()}, built on {@code ShareLinks}), so the links are written once.
 */
@FunctionalInterface
public interface ShareTargets {

    /**
     * The share dialog of {@code channel} for the credential's page, for a visitor reading the page
     * in {@code lang} ({@code en}, {@code nb}, or null when the link did not say): share texts (a
     * post, a mail) are written in it.
     */
    URI target(TrackedCredential credential, Channel channel, String lang);
}
