package org.credence.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors, raised before any route runs (bad percent-encoding, a URI or headers over
 * the limit, an ambiguous path), as RFC 9457 problems instead of Jetty's HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {
    /** Jetty writes error bodies only for GET, POST and HEAD by default: a PUT or DELETE got an empty 400. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        String title = HttpStatus.getMessage(code);
        // Jetty's reason ("Ambiguous URI path encoding") says what was wrong without naming the server
        String detail = message == null || message.isBlank() || message.equals(title) ? "the request could not be read" : message;
        byte[] body = HttpServer.problemBody(code, title, detail, null);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        // Jetty may not read the rest of a refused request: a client must not send another on this connection
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
