package org.credence.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.credence.domain.DomainException;
import org.credence.verification.CheckedResolver;
import org.eclipse.jetty.util.Promise;
import org.junit.jupiter.api.Test;

/** The server-side-request-forgery guard on endpoints, at subscription and again at delivery (DNS rebinding). */
class WebhookTargetsTest {
    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Resolves through the delivery-time resolver: the addresses connected to, or the failure. */
    private static CompletableFuture<List<InetSocketAddress>> resolve(CheckedResolver resolver, String host) {
        CompletableFuture<List<InetSocketAddress>> result = new CompletableFuture<>();
        resolver.resolve(host, 443, Map.of(), new Promise<>() {
            @Override
            public void succeeded(List<InetSocketAddress> addresses) {
                result.complete(addresses);
            }

            @Override
            public void failed(Throwable x) {
                result.completeExceptionally(x);
            }
        });
        return result;
    }

    @Test
    void a_name_re_pointed_at_an_internal_address_after_subscribing_is_refused_at_delivery() {
        AtomicReference<String> answer = new AtomicReference<>("93.184.215.14");
        WebhookTargets targets = new WebhookTargets(false, host -> List.of(ip(answer.get())));
        assertThat(targets.check("https://hooks.example.com/in").getHost()).isEqualTo("hooks.example.com");
        assertThat(resolve(targets.resolver(), "hooks.example.com").join()).extracting(InetSocketAddress::getAddress).containsExactly(ip("93.184.215.14"));

        for (String internal : List.of("127.0.0.1", "10.1.2.3", "169.254.169.254", "::1", "fd00:ec2::254")) {
            answer.set(internal);
            assertThatThrownBy(() -> resolve(targets.resolver(), "hooks.example.com").join())
                    .hasCauseInstanceOf(CheckedResolver.RefusedAddress.class).hasMessageContaining("hooks.example.com is refused");
        }
    }

    @Test
    void a_name_with_one_internal_address_among_public_ones_is_refused() {
        WebhookTargets targets = new WebhookTargets(false, host -> List.of(ip("93.184.215.14"), ip("192.168.0.10")));
        assertThatThrownBy(() -> targets.check("https://mixed.example.com/"))
                .isInstanceOf(DomainException.InvalidInput.class).hasMessageContaining("192.168.0.10").hasMessageContaining("private");
        assertThatThrownBy(() -> resolve(targets.resolver(), "mixed.example.com").join()).hasCauseInstanceOf(CheckedResolver.RefusedAddress.class);
    }

    @Test
    void the_test_setting_allows_loopback_only_and_http_only_to_loopback() {
        WebhookTargets targets = new WebhookTargets(true, host -> List.of(InetAddress.getAllByName(host)));
        assertThat(targets.check("http://127.0.0.1:8080/hook").getPort()).isEqualTo(8080);
        assertThat(targets.whyRefused(ip("10.0.0.1"))).isPresent();
        assertThat(targets.whyRefused(ip("169.254.169.254"))).contains("a cloud metadata address");
        assertThatThrownBy(() -> targets.check("http://8.8.8.8/hook")).hasMessageContaining("https");
        assertThat(resolve(targets.resolver(), "127.0.0.1").join()).hasSize(1);
    }

    @Test
    void a_name_that_does_not_resolve_is_refused_at_subscription() {
        WebhookTargets targets = new WebhookTargets(false, host -> {
            throw new UnknownHostException(host);
        });
        assertThatThrownBy(() -> targets.check("https://nowhere.example/")).hasMessageContaining("does not resolve");
    }
}
