package org.credence.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.verification.AddressPolicy;
import org.credence.verification.CheckedResolver;

/**
 * Which URLs an endpoint may name: https on a public address, under the same server-side-request-forgery policy as the
 * verifier's fetches ({@link AddressPolicy}). Checked when an endpoint is subscribed (the name must resolve, to public
 * addresses only) and again at every delivery, where the connection goes only to the addresses just checked
 * ({@link CheckedResolver}), so a name re-pointed at an internal address after subscribing (DNS rebinding) is refused.
 */
final class WebhookTargets {
    static final int MAX_URL = 2000;

    private final boolean loopback;
    private final CheckedResolver.Lookup lookup;

    /**
     * @param loopback also allow loopback addresses, over plain http too: tests with a local receiver, never production
     *                 (CREDENCE_FETCH_PRIVATE_NETWORKS); private, link-local and metadata addresses stay refused
     */
    WebhookTargets(boolean loopback, CheckedResolver.Lookup lookup) {
        this.loopback = loopback;
        this.lookup = lookup;
    }

    /** Why the address is refused, or empty when a delivery may connect to it. */
    Optional<String> whyRefused(InetAddress address) {
        return loopback && address.isLoopbackAddress() ? Optional.empty() : AddressPolicy.whyRefused(address);
    }

    CheckedResolver resolver() {
        return new CheckedResolver(lookup, this::whyRefused, "delivering to ");
    }

    /** The endpoint URL, checked: https (http only to loopback in tests), no credentials in it, resolving to allowed addresses only. */
    URI check(String text) {
        if (text == null || text.isBlank()) {
            throw new DomainException.InvalidInput("url", ErrorText.of("webhook.url_required"));
        }
        if (text.length() > MAX_URL) {
            throw new DomainException.InvalidInput("url", ErrorText.of("webhook.url_too_long", "max", MAX_URL));
        }
        URI url;
        try {
            url = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new DomainException.InvalidInput("url", ErrorText.of("webhook.url_invalid", "reason", e.getMessage()));
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || url.getRawUserInfo() != null || url.getRawFragment() != null) {
            throw new DomainException.InvalidInput("url", ErrorText.of("webhook.url_not_absolute"));
        }
        List<InetAddress> addresses;
        try {
            addresses = lookup.addresses(url.getHost());
        } catch (UnknownHostException e) {
            throw new DomainException.InvalidInput("url", ErrorText.of("webhook.host_unresolved", "host", url.getHost()));
        }
        if (addresses.isEmpty()) {
            throw new DomainException.InvalidInput("url", ErrorText.of("webhook.host_unresolved", "host", url.getHost()));
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = whyRefused(address);
            if (refused.isPresent()) {
                throw new DomainException.InvalidInput("url", ErrorText.of("webhook.address_refused", "host", url.getHost(), "address", address.getHostAddress(), "reason", refused.get()));
            }
        }
        boolean local = addresses.stream().allMatch(InetAddress::isLoopbackAddress);
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback && local)) {
            throw new DomainException.InvalidInput("url", ErrorText.of("webhook.https_required", "scheme", (scheme.isEmpty() ? "no scheme" : scheme)));
        }
        return url;
    }
}
