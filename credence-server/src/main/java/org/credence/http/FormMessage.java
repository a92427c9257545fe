package org.credence.http;

import org.credence.domain.DomainException;

/**
 * What a page shows when a service refuses a form: the one place a {@link DomainException} becomes
 * a form message, as {@link Problem#of(DomainException)} is the one place it becomes an RFC 9457
 * problem. A page re-renders its form with the values the person typed and this message beside
 * {@code field} (null: above the form).
 *
 * @param field the form field at fault, in the service's dotted names (null when the whole request is)
 * @param text the service's sentence, which says what to change, in the page's language
 * @param status the HTTP status the re-rendered page answers with (422, 404, 409 …)
 */
public record FormMessage(String field, String text, int status) {
    /**
     * The message for a service's refusal in {@code language} ("en" or "nb"): the sentence of the
     * exception's key in the {@code errors} bundle, or its English sentence when the throw site has
     * no key yet.
     */
    public static FormMessage of(DomainException e, String language) {
        Problem problem = Problem.of(e);
        String field = e instanceof DomainException.InvalidInput invalid ? invalid.field() : null;
        String text = e.text() == null ? e.getMessage() : e.text().in(language);
        return new FormMessage(field, text, problem.status());
    }

    /** True when this message belongs beside {@code name} (a template asks per field). */
    public boolean isFor(String name) {
        return field != null && field.equals(name);
    }
}
