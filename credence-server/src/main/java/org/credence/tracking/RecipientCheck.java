package org.credence.tracking;

import io.javalin.http.Context;

/** Whether the person behind a request is the credential's recipient (signed in); the session helper provides it. */
@FunctionalInterface
public interface RecipientCheck {
    RecipientCheck NOBODY = (ctx, credential) -> false;

    boolean isRecipient(Context ctx, TrackedCredential credential);
}
