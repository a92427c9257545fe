package org.credence.http;

import io.javalin.http.Context;
import org.credence.tenant.ApiKeys;
import org.credence.tenant.Caller;

/** Finds who is calling from the {@code Authorization: Bearer} header and checks their scope. */
public final class Auth {
    private final ApiKeys keys;

    public Auth(ApiKeys keys) {
        this.keys = keys;
    }

    /** The caller, who must hold {@code scope}; scopes do not imply one another. */
    public Caller require(Context ctx, String scope) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw Problem.unauthorized("send an API key as 'Authorization: Bearer <key>'");
        }
        Caller caller = keys.authenticate(header.substring(7).strip())
                .orElseThrow(() -> Problem.unauthorized("this API key is unknown or revoked"));
        if (!caller.may(scope)) {
            throw Problem.forbidden("this API key lacks the '" + scope + "' scope");
        }
        return caller;
    }

    /** A tenant's caller: administrators have no tenant of their own. */
    public Caller requireTenant(Context ctx, String scope) {
        Caller caller = require(ctx, scope);
        if (caller.tenantId() == null) {
            throw Problem.forbidden("use a tenant's API key here; the administrator key only manages tenants");
        }
        return caller;
    }
}
