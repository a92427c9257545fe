package org.credence.verification;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.credence.lifecycle.StatusLists;
import org.credence.standards.keys.DidDocuments;
import org.credence.standards.status.StatusCheck;
import org.credence.standards.status.StatusListCredentials;
import org.credence.standards.status.StatusListEntry;
import org.credence.standards.status.StatusListException;
import org.credence.standards.status.StatusPurpose;
import org.credence.standards.verification.Fetcher;
import org.credence.standards.verification.KeyResolutionException;
import org.credence.standards.verification.KeyResolver;
import org.credence.standards.verification.ResolvedKey;
import org.credence.standards.verification.StatusResolver;
import org.credence.tenant.Tenant;
import org.credence.tenant.TenantKeys;
import org.credence.tenant.Tenants;

/**
 * Resolves this installation's own did:web keys and status lists from the database, so the
 * server never fetches from itself over HTTP; other issuers' are left to the resolvers given.
 */
final class LocalResolvers {
    private final Tenants tenants;
    private final TenantKeys keys;
    private final StatusLists statusLists;
    private final String didPrefix;
    private final String statusPrefix;

    LocalResolvers(Tenants tenants, TenantKeys keys, StatusLists statusLists) {
        this.tenants = tenants;
        this.keys = keys;
        this.statusLists = statusLists;
        this.didPrefix = DidDocuments.didWebFor(tenants.publicUrl().resolve("/tenants/x"));
        this.statusPrefix = tenants.publicUrl() + "/status/";
    }

    /** Own keys from the database, did:key from the identifier, anything else from {@code others}. */
    KeyResolver keys(KeyResolver others) {
        String prefix = didPrefix.substring(0, didPrefix.length() - 1);
        KeyResolver own = method -> {
            String controller = KeyResolver.controllerOf(method);
            if (!controller.startsWith(prefix)) {
                return Optional.empty();
            }
            if (!method.contains("#")) {
                throw new KeyResolutionException("the verification method " + method + " names no key of " + controller);
            }
            Tenant tenant = tenants.bySlug(controller.substring(prefix.length()))
                    .orElseThrow(() -> new KeyResolutionException("no tenant publishes " + controller + " on this installation"));
            String fragment = method.substring(method.indexOf('#') + 1);
            return keys.published(tenant.id()).stream().filter(k -> k.fragment().equals(fragment)).findFirst()
                    .map(k -> new ResolvedKey(method, controller, k.key()))
                    .or(() -> keys.rsaPublished(tenant.id(), fragment).map(rsa -> new ResolvedKey(method, controller, rsa)))
                    .or(() -> {
                        throw new KeyResolutionException(controller + " does not publish the key " + method);
                    });
        };
        return own.or(KeyResolver.didKey()).or(others);
    }

    /** Own status lists from the database (a URL of ours that names no list is an error), anyone else's from {@code others}. */
    StatusResolver statuses(StatusResolver others) {
        StatusResolver own = ownStatuses();
        return url -> {
            if (!url.startsWith(statusPrefix)) {
                return others.statusListCredential(url);
            }
            return Optional.of(own.statusListCredential(url)
                    .orElseThrow(() -> new Fetcher.FetchException("this installation publishes no status list at " + url)));
        };
    }

    /**
     * The suspension of a credential of ours that carries only its revocation entry, as OB 3.0
     * allows one: the bit at the same index of that list's suspension twin. Empty when the
     * credential is not ours or carries a suspension entry of its own (checked already).
     */
    Optional<StatusCheck> ownSuspension(JsonNode credential) {
        JsonNode status = credential.path("credentialStatus");
        List<JsonNode> entries = new ArrayList<>();
        if (status.isArray()) {
            status.forEach(entries::add);
        } else if (status.isObject()) {
            entries.add(status);
        }
        if (entries.stream().anyMatch(e -> StatusPurpose.SUSPENSION.jsonName().equals(e.path("statusPurpose").asText()))) {
            return Optional.empty();
        }
        StatusResolver own = ownStatuses();
        for (JsonNode node : entries) {
            try {
                StatusListEntry revocation = StatusListEntry.fromJson(node);
                if (revocation.purpose() != StatusPurpose.REVOCATION || !revocation.statusListCredential().startsWith(statusPrefix)) {
                    continue;
                }
                StatusListEntry suspension = StatusListEntry.of(revocation.statusListCredential() + "/suspension",
                        StatusPurpose.SUSPENSION, revocation.index());
                Optional<JsonNode> list = own.statusListCredential(suspension.statusListCredential());
                if (list.isPresent()) {
                    return Optional.of(StatusListCredentials.check(suspension, list.get()));
                }
            } catch (StatusListException | IllegalArgumentException e) {
                // a malformed entry was reported by the STATUS check already
            }
        }
        return Optional.empty();
    }

    private StatusResolver ownStatuses() {
        return url -> {
            if (!url.startsWith(statusPrefix)) {
                return Optional.empty();
            }
            String[] parts = url.substring(statusPrefix.length()).split("/");
            if (parts.length < 2 || parts.length > 3 || parts.length == 3 && !parts[2].equals("suspension")) {
                return Optional.empty();
            }
            StatusPurpose purpose = parts.length == 3 && parts[2].equals("suspension") ? StatusPurpose.SUSPENSION : StatusPurpose.REVOCATION;
            try {
                long listId = Long.parseLong(parts[1]);
                return tenants.bySlug(parts[0]).flatMap(t -> statusLists.published(t, listId, purpose, tenants.publicUrl()))
                        .map(e -> (JsonNode) e.getValue());
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        };
    }

    URI publicUrl() {
        return tenants.publicUrl();
    }
}
