package org.credence.verification;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Optional;
import org.credence.lifecycle.StatusLists;
import org.credence.standards.keys.DidDocuments;
import org.credence.standards.status.StatusPurpose;
import org.credence.standards.verification.KeyResolutionException;
import org.credence.standards.verification.KeyResolver;
import org.credence.standards.verification.ResolvedKey;
import org.credence.standards.verification.StatusResolver;
import org.credence.tenant.Tenant;
import org.credence.tenant.TenantKeys;
import org.credence.tenant.Tenants;

/**
 * Resolves this installation's own did:web keys and status lists from the database, so the
 * server never fetches from itself over HTTP (and never from anyone else).
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

    KeyResolver keys() {
        String prefix = didPrefix.substring(0, didPrefix.length() - 1);
        KeyResolver own = method -> {
            String controller = KeyResolver.controllerOf(method);
            if (!controller.startsWith(prefix) || !method.contains("#")) {
                return Optional.empty();
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
        return own.or(KeyResolver.didKey());
    }

    StatusResolver statuses() {
        return url -> {
            if (!url.startsWith(statusPrefix)) {
                return Optional.empty();
            }
            String[] parts = url.substring(statusPrefix.length()).split("/");
            if (parts.length < 2 || parts.length > 3) {
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
