package org.credence.credential;

import io.javalin.config.JavalinConfig;
import java.nio.charset.StandardCharsets;
import org.credence.http.Problem;
import org.credence.tracking.EventType;
import org.credence.tracking.ServerEvents;

/**
 * {@code /c/{number}/credential.jwt}: the public credential as a VC-JWT for wallets and verifiers
 * that read JWT. {@code ?alg=RS256} signs with the tenant's RSA key, otherwise EdDSA.
 */
public final class CredentialJwtRoutes {
    /**
     * RFC 7519's media type. Not {@code application/vc+jwt}: that names VC-JOSE-COSE tokens, whose
     * payload is the credential itself, while Open Badges 3.0 carries it in a {@code vc} claim.
     */
    static final String CONTENT_TYPE = "application/jwt";

    private CredentialJwtRoutes() {}

    public static void register(JavalinConfig config, CredentialPages pages, CredentialJwts jwts, ServerEvents events) {
        config.routes.get("/c/{number}/credential.jwt", ctx -> {
            String requested = ctx.queryParam("alg");
            CredentialJwts.Algorithm algorithm = requested == null ? CredentialJwts.Algorithm.EDDSA
                    : CredentialJwts.Algorithm.parse(requested).orElseThrow(() -> Problem.badRequest(
                            "alg must be EdDSA (the default) or RS256"));
            CredentialPages.Shown shown = CredentialPageRoutes.publicOrNotFound(pages, ctx);
            if (shown.credential().withdrawn()) {
                // a token signed today would vouch for a credential its issuer has withdrawn
                throw Problem.notFound("credential " + shown.credential().number() + " is " + shown.credential().state()
                        + ": no JWT is signed for it; /verify/" + shown.credential().number() + " shows its status");
            }
            String token = jwts.sign(shown.credential(), shown.issuer(), algorithm);
            String suffix = algorithm == CredentialJwts.Algorithm.EDDSA ? "" : "-" + algorithm.jose().toLowerCase(java.util.Locale.ROOT);
            ctx.header("Content-Disposition", "attachment; filename=\"" + shown.credential().number() + suffix + ".jwt\"");
            // the same wallet file as credential.json, in a JWT envelope: counted as that download
            events.recordThen(ctx, shown.credential().number(), EventType.DOWNLOAD, "json",
                    () -> ctx.contentType(CONTENT_TYPE).result(token.getBytes(StandardCharsets.US_ASCII)));
        });
    }
}
