package org.credence.document;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.audit.AuditTrail;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.json.JsonFields;
import org.credence.tenant.Caller;
import org.jdbi.v3.core.Jdbi;

/**
 * Saving and deleting a tenant's own certificate designs, audited, with the certificates drawn
 * with the old version forgotten: what {@code PUT/DELETE /api/v1/designs/{name}} and the designer
 * page ({@code /app/designs}) both call. The definition stays the API's JSON text ({@code docs/designs.md}).
 */
public final class DesignChanges {
    /** The path a design error starts with, e.g. {@code elements[3].font} in "elements[3].font is missing". */
    private static final Pattern FIELD = Pattern.compile("^((?:page|elements|description)[A-Za-z0-9_.\\[\\]]*)\\s");

    private final Jdbi jdbi;
    private final Designs designs;
    private final Certificates certificates;
    private final AuditTrail audit;

    public DesignChanges(Jdbi jdbi, Designs designs, Certificates certificates, AuditTrail audit) {
        this.jdbi = jdbi;
        this.designs = designs;
        this.certificates = certificates;
        this.audit = audit;
    }

    /**
     * Stores the tenant's design {@code name} (validated first), audited as {@code design.create} or {@code design.update}.
     *
     * @return true when it is new, false when it replaced one
     * @throws DomainException.InvalidInput naming the part of the design at fault ({@code elements[3].font}), or {@code name}
     */
    public boolean save(Caller caller, String name, String definition) {
        boolean created;
        try {
            created = designs.save(caller.tenantId(), name, definition);
        } catch (InvalidDesign e) {
            throw invalid(e);
        }
        certificates.forgetDesign(caller.tenantId(), name);
        jdbi.useHandle(h -> audit.record(h, caller.tenantId(), caller.actor(), created ? "design.create" : "design.update",
                "design:" + name, null, JsonFields.MAPPER.createObjectNode()
                        .put("sha256", StoredDocuments.sha256(definition.getBytes(StandardCharsets.UTF_8)))));
        return created;
    }

    /**
     * Deletes one of the tenant's own designs, audited as {@code design.delete}.
     *
     * @throws DomainException.InvalidInput for a built-in design
     * @throws DomainException.NotFound when the tenant has none of that name
     * @throws DomainException.Conflict while achievements still choose it (they are named)
     */
    public void delete(Caller caller, String name) {
        if (Designs.BUILT_IN.contains(name)) {
            throw new DomainException.InvalidInput("name", ErrorText.of("design.built_in", "name", name));
        }
        Designs.Deletion deletion = designs.delete(caller.tenantId(), name);
        if (deletion instanceof Designs.Deletion.NotFound) {
            throw new DomainException.NotFound(ErrorText.of("design.not_found", "name", shortened(name)));
        }
        if (deletion instanceof Designs.Deletion.InUse inUse) {
            throw new DomainException.Conflict(ErrorText.of("design.in_use", "name", name, "achievements", String.join(", ", inUse.achievements())));
        }
        jdbi.useHandle(h -> audit.record(h, caller.tenantId(), caller.actor(), "design.delete", "design:" + name, null, null));
    }

    /** A design error as invalid input naming the field at fault (the whole design when the fault is not in one field). */
    static DomainException.InvalidInput invalid(InvalidDesign e) {
        Matcher m = FIELD.matcher(e.getMessage());
        return e.asInput(m.find() ? m.group(1) : "design");
    }

    static String shortened(String typed) {
        return typed.length() <= 40 ? typed : typed.substring(0, 40) + "…";
    }
}
