package org.credence.tracking;

import java.util.UUID;

/** Which credential an event is about: by its public number, or by id within a tenant. */
public sealed interface CredentialRef {
    /** A credential by its certificate number, as public pages know it. */
    static CredentialRef number(String number) {
        return new ByNumber(number);
    }

    /** A credential of one tenant by id; another tenant's credential is not found. */
    static CredentialRef id(long tenantId, UUID id) {
        return new ById(tenantId, id);
    }

    record ByNumber(String number) implements CredentialRef {}

    record ById(long tenantId, UUID id) implements CredentialRef {}
}
