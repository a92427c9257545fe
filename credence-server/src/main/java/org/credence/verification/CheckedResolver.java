package org.credence.verification;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Jetty's name resolution with the server-side-request-forgery check inside: a Jetty client given this resolver
 * connects to the addresses it returns and to no others, so the check and the connection use one DNS answer and
 * a second answer (DNS rebinding) cannot switch a checked name to an internal address. Used by the verifier's
 * fetches and by webhook deliveries.
 */
public final class CheckedResolver implements SocketAddressResolver {
    /** Name resolution; tests give fixed answers. */
    public interface Lookup {
        List<InetAddress> addresses(String host) throws UnknownHostException;
    }

    /** A refused address, reported as such rather than as a connection failure. */
    public static final class RefusedAddress extends UnknownHostException {
        RefusedAddress(String message) {
            super(message);
        }
    }

    private final Lookup lookup;
    private final Function<InetAddress, Optional<String>> refusal;
    private final String doing;

    /**
     * @param refusal why an address is refused (empty: allowed), e.g. {@link AddressPolicy#whyRefused}
     * @param doing   how a refusal's message starts, "fetching from "
     */
    public CheckedResolver(Lookup lookup, Function<InetAddress, Optional<String>> refusal, String doing) {
        this.lookup = lookup;
        this.refusal = refusal;
        this.doing = doing;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        List<InetAddress> addresses;
        try {
            addresses = lookup.addresses(host);
        } catch (UnknownHostException e) {
            promise.failed(new UnknownHostException("the name " + host + " does not resolve"));
            return;
        }
        List<InetSocketAddress> checked = new ArrayList<>();
        for (InetAddress address : addresses) {
            Optional<String> refused = refusal.apply(address);
            if (refused.isPresent()) {
                promise.failed(new RefusedAddress(doing + host + " is refused: it resolves to " + address.getHostAddress() + ", " + refused.get()));
                return;
            }
            checked.add(new InetSocketAddress(address, port));
        }
        if (checked.isEmpty()) {
            promise.failed(new UnknownHostException("the name " + host + " does not resolve"));
            return;
        }
        promise.succeeded(checked);
    }
}
