package org.credence.issuance;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.jdbi.v3.core.Jdbi;

/** Reading a tenant's credentials: one by id or number, or pages of them by filter. */
public final class CredentialListing {
    /** One page, and the cursor of the next one when there may be more. */
    public record Page(List<IssuedCredential> items, Optional<String> next) {}

    // rows per round trip of an export's cursor: enough to keep the link busy, few enough to keep memory flat
    private static final int EXPORT_FETCH = 1000;

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

    /**
     * Hands {@code each} every credential the query's filters select (its page and cursor aside), newest first,
     * from one consistent snapshot read through a cursor: memory stays flat for a million rows.
     */
    public void export(long tenantId, CredentialQuery query, java.util.function.Consumer<IssuedCredential> each) {
        jdbi.useTransaction(org.jdbi.v3.core.transaction.TransactionIsolationLevel.REPEATABLE_READ,
                h -> CredentialStore.forEach(h, tenantId, query, clock.instant(), EXPORT_FETCH, each));
    }

    /** The tenant's achievement names by id (an export names each credential's achievement). */
    public java.util.Map<Long, String> achievementNames(long tenantId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name FROM achievement WHERE tenant_id = :tenant").bind("tenant", tenantId)
                .map((rs, ctx) -> java.util.Map.entry(rs.getLong("id"), rs.getString("name"))).list())
                .stream().collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
    }

    /** The current moment, by which an export tells expired credentials from active ones. */
    public java.time.Instant now() {
        return clock.instant();
    }

    public IssuedCredential get(long tenantId, String idOrNumber) {
        return jdbi.withHandle(h -> CredentialStore.byIdOrNumber(h, tenantId, idOrNumber))
                .orElseThrow(() -> new DomainException.NotFound(ErrorText.of("credential.not_found", "id", idOrNumber)));
    }
}
