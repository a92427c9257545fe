package org.credence.user;

/**
 * A page answer that ends a handler early: the sign-in redirect or a message page (403, 429), named by its text key.
 * {@link SessionRoutes} turns it into the response.
 */
final class PageResponse extends RuntimeException {
    final int status;
    final String location;
    final String message;

    private PageResponse(int status, String location, String message) {
        super(null, null, false, false);
        this.status = status;
        this.location = location;
        this.message = message;
    }

    static PageResponse redirect(String location) {
        return new PageResponse(303, location, null);
    }

    static PageResponse page(int status, String message) {
        return new PageResponse(status, null, message);
    }
}
