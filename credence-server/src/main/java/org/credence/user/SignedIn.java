package org.credence.user;

import gg.jte.Content;

/**
 * The user behind a request's session cookie, at their tenant.
 *
 * @param csrfToken the session's synchronizer token; every form posts it back as {@code csrf}
 */
public record SignedIn(User user, String tenantSlug, String tenantName, String csrfToken) {
    public boolean may(Permission permission) {
        return user.may(permission);
    }

    /** The hidden form field carrying the CSRF token, for a template: {@code ${signedIn.csrfField()}}. */
    public Content csrfField() {
        // the token is base64url, so it needs no escaping inside the attribute
        return output -> output.writeContent("<input type=\"hidden\" name=\"" + Sessions.CSRF_FIELD + "\" value=\"" + csrfToken + "\">");
    }

    /** The audit trail's name for this user. */
    public String actor() {
        return "user:" + user.id();
    }
}
