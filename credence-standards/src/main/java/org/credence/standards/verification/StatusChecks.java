package org.credence.standards.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.credence.standards.dataintegrity.EddsaRdfc2022;

/** The STATUS check: find each status list, check its proof and issuer, read the credential's bit. */
final class StatusChecks {
    private final StatusResolver statuses;
    private final KeyResolver keys;
    private final EddsaRdfc2022 suite;

    StatusChecks(StatusResolver statuses, KeyResolver keys, EddsaRdfc2022 suite) {
        this.statuses = statuses;
        this.keys = keys;
        this.suite = suite;
    }

    Check check(ObjectNode credential, String issuer) {
        JsonNode status = credential.get("credentialStatus");
        if (status == null) {
            return Check.passed(CheckName.STATUS, "the issuer publishes no status for this credential, so it cannot be revoked");
        }
        return Check.skipped(CheckName.STATUS, "status lists are not checked yet");
    }
}
