package org.credence.manage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credence.audit.AuditPage;
import org.credence.issuance.CredentialNumber;
import org.jdbi.v3.core.Jdbi;

/** The audit page's credential subjects: {@code credential:<id>} shown as the number, and a typed number read as the subject. */
public final class CredentialSubjects implements AuditPage.Subjects {
    private final Jdbi jdbi;

    public CredentialSubjects(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Map<String, String> numbers(long tenantId, List<String> ids) {
        List<UUID> uuids = ids.stream().filter(id -> id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"))
                .map(UUID::fromString).toList();
        Map<String, String> numbers = new HashMap<>();
        if (!uuids.isEmpty()) {
            jdbi.useHandle(h -> h.createQuery("SELECT id, number FROM credential WHERE tenant_id = :tenant AND id = ANY(:ids)")
                    .bind("tenant", tenantId).bindArray("ids", UUID.class, uuids)
                    .map((rs, ctx) -> numbers.put(rs.getObject("id", UUID.class).toString(), rs.getString("number"))).list());
        }
        return numbers;
    }

    @Override
    public Optional<String> subjectOf(long tenantId, String typed) {
        return CredentialNumber.parse(typed).flatMap(n -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT 'credential:' || id FROM credential WHERE tenant_id = :tenant AND number = :number")
                .bind("tenant", tenantId).bind("number", n.value()).mapTo(String.class).findOne()));
    }
}
