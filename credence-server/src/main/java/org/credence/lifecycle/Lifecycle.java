package org.credence.lifecycle;

import java.util.UUID;
import org.credence.audit.AuditTrail;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.issuance.CredentialStore;
import org.credence.issuance.IssuedCredential;
import org.credence.json.JsonFields;
import org.credence.tenant.Caller;
import org.jdbi.v3.core.Jdbi;

/** Revoke, suspend, reinstate: the state changes, its status list is re-signed, the audit trail records it. */
public final class Lifecycle {
    private final Jdbi jdbi;
    private final StatusLists statusLists;
    private final AuditTrail audit;
    private final org.credence.transparency.TransparencyLog log;
    private final java.util.function.Consumer<String> changed;
    private final StateListener listener;

    /** Told of each state change inside the transaction that makes it, so what it writes (a notice mail) commits with it. */
    @FunctionalInterface
    public interface StateListener {
        StateListener NONE = (h, before, after) -> { };

        void changed(org.jdbi.v3.core.Handle h, IssuedCredential before, IssuedCredential after);
    }

    /** @param changed told a credential's number after its state changed and committed (caches drop it) */
    public Lifecycle(Jdbi jdbi, StatusLists statusLists, AuditTrail audit, org.credence.transparency.TransparencyLog log,
                     java.util.function.Consumer<String> changed) {
        this(jdbi, statusLists, audit, log, changed, StateListener.NONE);
    }

    /** @param listener told of each change in its transaction (the recipient's notice) */
    public Lifecycle(Jdbi jdbi, StatusLists statusLists, AuditTrail audit, org.credence.transparency.TransparencyLog log,
                     java.util.function.Consumer<String> changed, StateListener listener) {
        this.listener = listener;
        this.log = log;
        this.changed = changed;
        this.jdbi = jdbi;
        this.statusLists = statusLists;
        this.audit = audit;
    }

    /** Changes the state of the credential the command names, within the caller's tenant; an unchanged state is no change. */
    public IssuedCredential change(Caller caller, StateChange command) {
        String action = command.action().word();
        String reason = command.reason();
        IssuedCredential after = jdbi.inTransaction(h -> {
            IssuedCredential before = CredentialStore.byIdOrNumber(h, caller.tenantId(), command.idOrNumber())
                    .orElseThrow(() -> new DomainException.NotFound(ErrorText.of("credential.not_found", "id", command.idOrNumber())));
            UUID id = before.id();
            String target = command.action().target();
            if (before.state().equals("revoked")) {
                throw new DomainException.Conflict(ErrorText.of("credential.revoked_final", "number", before.number()));
            }
            if (before.state().equals(target)) {
                return before;
            }
            if (before.state().equals("superseded") && command.action() != StateChange.Action.REVOKE) {
                // suspending or reinstating history would make it current again beside its renewal
                throw new DomainException.Conflict(ErrorText.of("credential.superseded", "number", before.number()));
            }
            CredentialStore.setState(h, caller.tenantId(), id, target, reason);
            statusLists.touch(h, before.statusListId());
            log.append(h, caller.tenantId(), id, JsonFields.MAPPER.createObjectNode().put("type", action).put("credential", id.toString())
                    .put("number", before.number()).put("state", target));
            audit.record(h, caller.tenantId(), caller.actor(), "credential." + action, "credential:" + id,
                    JsonFields.MAPPER.createObjectNode().put("state", before.state()).put("reason", before.stateReason()),
                    JsonFields.MAPPER.createObjectNode().put("state", target).put("reason", reason));
            IssuedCredential changedTo = CredentialStore.byId(h, caller.tenantId(), id).orElseThrow();
            listener.changed(h, before, changedTo);
            return changedTo;
        });
        changed.accept(after.number());
        return after;
    }
}
