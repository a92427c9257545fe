package org.credence.issuance;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.credence.domain.DomainException;
import org.jdbi.v3.core.Jdbi;

/** Reading a tenant's credentials: one by id or number, or pages of them by filter. */
public final class CredentialListing {
    /** One page, and the cursor of the next one when there may be more. */
    public record Page(List<IssuedCredential> items, Optional<String> next) {}

    private final Jdbi jdbi;
    private final Clock clock;

    public CredentialListing(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Page list(long tenantId, CredentialQuery query) {
        List<IssuedCredential> items = jdbi.withHandle(h -> CredentialStore.list(h, tenantId, query, clock.instant()));
        Optional<String> next = items.size() < query.limit() ? Optional.empty()
                : Optional.of(CredentialQuery.cursorAfter(items.get(items.size() - 1)));
        return new Page(items, next);
    }

    public IssuedCredential get(long tenantId, String idOrNumber) {
        return jdbi.withHandle(h -> CredentialStore.byIdOrNumber(h, tenantId, idOrNumber))
                .orElseThrow(() -> new DomainException.NotFound("no credential " + idOrNumber + " in this tenant"));
    }
}
