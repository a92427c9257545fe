package org.credence.issuance;

import org.credence.domain.DomainException;

/**
 * What one command of {@link Issuance#issueAll} came to: exactly one of {@code issued} and {@code error} is set.
 *
 * @param index  the command's position in the list given
 * @param issued the credential, new or (a replay) the one issued before
 * @param error  why this command issued nothing; the others of the batch are not affected
 */
public record BatchResult(int index, Issuance.Issued issued, DomainException error) {
    public BatchResult {
        if ((issued == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of issued and error");
        }
    }
}
