package org.credence.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.credence.domain.DomainException;
import org.junit.jupiter.api.Test;

/** A service's domain error answers with the very problem document the Problem factory gave before the throw moved. */
class DomainProblemTest {
    @Test
    void everyDomainErrorAnswersAsTheProblemFactoryDid() {
        assertSameBody(new DomainException.InvalidInput("recipient.email", "recipient.email is required"),
                Problem.invalidField("recipient.email", "recipient.email is required"));
        assertSameBody(new DomainException.Malformed("need 1 <= from"), Problem.badRequest("need 1 <= from"));
        assertSameBody(new DomainException.NotFound("no credential X"), Problem.notFound("no credential X"));
        assertSameBody(new DomainException.Conflict("revocation is final"), Problem.conflict("revocation is final"));
        assertSameBody(new DomainException.Forbidden("owners only"), Problem.forbidden("owners only"));
        assertSameBody(new DomainException.UnsupportedType("send image/png"), Problem.unsupportedMediaType("send image/png"));
        assertSameBody(new DomainException.TooLarge("images are limited to 1 MB"), Problem.tooLarge("images are limited to 1 MB"));
    }

    @Test
    void theMappedProblemCarriesStatusTitleAndField() {
        Problem p = Problem.of(new DomainException.InvalidInput("from", "from must be a date"));
        assertThat(p.status()).isEqualTo(422);
        assertThat(p.title()).isEqualTo("Invalid field");
        assertThat(p.field()).isEqualTo("from");
        assertThat(new String(body(p), StandardCharsets.UTF_8)).contains("\"field\":\"from\"");
    }

    private static void assertSameBody(DomainException domain, Problem expected) {
        assertThat(body(Problem.of(domain))).isEqualTo(body(expected));
    }

    private static byte[] body(Problem p) {
        return HttpServer.problemBody(p.status(), p.title(), p.getMessage(), p.field());
    }
}
