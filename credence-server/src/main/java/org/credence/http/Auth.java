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

    /**
     * The installation's administrator, by their API key sent as {@code Authorization: Bearer} or,
     * so a browser can ask for it, as the password of HTTP Basic (any user name). Never by the
     * client's address: behind a reverse proxy every request looks local. Anyone else gets a 401
     * that makes a browser prompt.
     */
    public Caller requireAdministrator(Context ctx, String realm) {
        String header = ctx.header("Authorization");
        String key = null;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = header.substring(7).strip();
        } else if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(java.util.Base64.getDecoder().decode(header.substring(6).strip()), java.nio.charset.StandardCharsets.UTF_8);
                key = pair.substring(pair.indexOf(':') + 1);
            } catch (IllegalArgumentException e) {
                key = null;
            }
        }
        java.util.Optional<Caller> caller = key == null || key.isEmpty() ? java.util.Optional.empty() : keys.authenticate(key);
        if (caller.isEmpty() || !caller.get().isAdministrator()) {
            ctx.header("WWW-Authenticate", "Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
            throw Problem.unauthorized("only the installation's administrator may see this: give the administrator API key"
                    + " (as 'Authorization: Bearer <key>', or as the password when the browser asks)");
        }
        return caller.get();
    }
}
