package org.credence.standards.jwt;

import java.util.Objects;
import java.util.Optional;

/**
 * One check made while verifying a VC-JWT.
 *
 * @param name short name of what was checked: {@code format}, {@code algorithm}, {@code header},
 *     {@code key}, {@code signature}, {@code payload}, {@code vc}, {@code iss}, {@code jti}, {@code sub},
 *     {@code nbf}, {@code exp}
 * @param problem empty when the check passed
 * @param reason what was found, in plain words, for people reading a verification report
 */
public record VcJwtCheck(String name, Optional<VcJwtProblem> problem, String reason) {
    public VcJwtCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(reason, "reason");
    }

    static VcJwtCheck passed(String name, String reason) {
        return new VcJwtCheck(name, Optional.empty(), reason);
    }

    static VcJwtCheck failed(String name, VcJwtProblem problem, String reason) {
        return new VcJwtCheck(name, Optional.of(problem), reason);
    }

    public boolean passed() {
        return problem.isEmpty();
    }
}
