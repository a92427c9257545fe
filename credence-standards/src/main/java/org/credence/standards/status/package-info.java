/**
 * W3C Bitstring Status List v1.0: the bitstring itself ({@link org.credence.standards.status.BitstringStatusList}),
 * the {@code credentialStatus} entry a credential carries ({@link org.credence.standards.status.StatusListEntry}),
 * the unsigned status list credential an issuer publishes and the check a verifier runs against it
 * ({@link org.credence.standards.status.StatusListCredentials}).
 *
 * <p>Signing and signature verification of status list credentials happen elsewhere; this package only
 * deals with their content. Only {@code statusSize} 1 is supported.
 *
 * @see <a href="https://www.w3.org/TR/vc-bitstring-status-list/">Bitstring Status List v1.0</a>
 */
package org.credence.standards.status;
