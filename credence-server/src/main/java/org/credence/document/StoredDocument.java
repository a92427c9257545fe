package org.credence.document;

/**
 * A document rendered from a credential, as stored.
 *
 * @param kind for example {@code certificate.pdf}, {@code badge.png}, {@code share.png}
 * @param etag a strong ETag (the quoted SHA-256 of the bytes)
 */
public record StoredDocument(String kind, String contentType, byte[] bytes, String etag) {}
