package org.credence.http;

import io.javalin.http.Context;
import java.util.Optional;

/** Answering with stored bytes under a strong ETag, so a client that has them gets a 304. */
public final class Downloads {
    private Downloads() {}

    /**
     * Answers with the bytes: 304 when the client's {@code If-None-Match} already names
     * {@code etag}, otherwise the bytes with their ETag. {@code downloadName} makes it an attachment.
     */
    public static void serve(Context ctx, String etag, String contentType, byte[] bytes, Optional<String> downloadName) {
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "public, max-age=300, must-revalidate");
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.equals(etag) || ifNoneMatch.equals("W/" + etag))) {
            ctx.status(304);
            return;
        }
        downloadName.ifPresent(name -> ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\""));
        ctx.contentType(contentType).result(bytes);
    }
}
