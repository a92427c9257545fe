package org.credence.http;

/**
 * An HTTP error as RFC 9457 problem details: status, a short title, and a detail a person can
 * act on, optionally naming the offending request field.
 */
public final class Problem extends RuntimeException {
    private final int status;
    private final String title;
    private final String field;

    private Problem(int status, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    public static Problem badRequest(String detail) {
        return new Problem(400, "Bad request", detail, null);
    }

    /** A 400 naming the query parameter {@code parameter} that cannot be read at all. */
    public static Problem badParameter(String parameter, String detail) {
        return new Problem(400, "Bad request", detail, parameter);
    }

    public static Problem invalidField(String field, String detail) {
        return new Problem(422, "Invalid field", detail, field);
    }

    /** A 400 naming the field at fault: input a standard forbids (VC API requests), where 422 is for input we decline. */
    public static Problem badField(String field, String detail) {
        return new Problem(400, "Bad request", detail, field);
    }

    /** 422 for a well-formed request that cannot be done, under a title that says why. */
    public static Problem unprocessable(String title, String detail) {
        return new Problem(422, title, detail, null);
    }

    public static Problem unauthorized(String detail) {
        return new Problem(401, "Unauthorized", detail, null);
    }

    public static Problem forbidden(String detail) {
        return new Problem(403, "Forbidden", detail, null);
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "Not found", detail, null);
    }

    public static Problem gone(String detail) {
        return new Problem(410, "Gone", detail, null);
    }

    public static Problem conflict(String detail) {
        return new Problem(409, "Conflict", detail, null);
    }

    public static Problem unsupportedMediaType(String detail) {
        return new Problem(415, "Unsupported media type", detail, null);
    }

    public static Problem tooLarge(String detail) {
        return new Problem(413, "Payload too large", detail, null);
    }

    public static Problem tooManyRequests(String detail) {
        return new Problem(429, "Too many requests", detail, null);
    }

    /**
     * The problem with a request body the server could not read, from what Jetty threw while
     * reading it (a multipart upload over the limit, a malformed form); empty for other errors.
     */
    public static java.util.Optional<Problem> ofUnreadableBody(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException && String.valueOf(t.getMessage()).startsWith("max length exceeded")) {
                return java.util.Optional.of(tooLarge("request bodies are limited to 2 MB"));
            }
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.BadMessageException bad) {
                return java.util.Optional.of(badRequest("the request body could not be read (" + bad.getReason() + ")"));
            }
            if (t instanceof java.nio.charset.UnsupportedCharsetException || t instanceof java.nio.charset.IllegalCharsetNameException) {
                return java.util.Optional.of(unsupportedMediaType("the Content-Type names a charset this server does not know; send UTF-8"));
            }
            if (t instanceof org.eclipse.jetty.io.EofException) {
                // a chunk size that is not hex, or a body shorter than its Content-Length: the client's fault, not ours
                return java.util.Optional.of(badRequest("the request body ended early or its chunked encoding is broken"));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The problem a service's domain error answers with: the same status, title and field the
     * factory methods above give, so moving a throw from a service to the domain changes no byte.
     */
    public static Problem of(org.credence.domain.DomainException e) {
        String detail = e.getMessage();
        if (e instanceof org.credence.domain.DomainException.InvalidInput invalid) {
            return invalidField(invalid.field(), detail);
        } else if (e instanceof org.credence.domain.DomainException.Malformed) {
            return badRequest(detail);
        } else if (e instanceof org.credence.domain.DomainException.NotFound) {
            return notFound(detail);
        } else if (e instanceof org.credence.domain.DomainException.Conflict) {
            return conflict(detail);
        } else if (e instanceof org.credence.domain.DomainException.Forbidden) {
            return forbidden(detail);
        } else if (e instanceof org.credence.domain.DomainException.UnsupportedType) {
            return unsupportedMediaType(detail);
        } else if (e instanceof org.credence.domain.DomainException.TooLarge) {
            return tooLarge(detail);
        }
        throw new IllegalStateException("no problem for " + e.getClass().getName());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The request field at fault, or {@code null}. */
    public String field() {
        return field;
    }
}
