package org.credence.tenant;

/** An organisation on this installation. {@code did} is its did:web identifier. */
public record Tenant(long id, String slug, String name, String url, String locale, String did) {}
