package org.credence.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.credence.db.Database;
import org.credence.document.Branding;
import org.credence.document.CertificateRenderer;
import org.credence.document.CertificateRenderer.Certificate;
import org.credence.document.Design;
import org.credence.document.Designs;
import org.credence.document.StoredDocument;
import org.credence.document.StoredDocuments;
import org.credence.http.Downloads;
import org.credence.http.HttpServer;
import org.credence.http.Problem;
import org.credence.issuance.CredentialStore;
import org.credence.issuance.IssuedCredential;
import org.jdbi.v3.core.Jdbi;

/**
 * The stored-certificate path of {@code GET /c/{number}/certificate.pdf}, served for a load
 * driver on a branch that does not have that route yet: an embedded PostgreSQL migrated as the
 * server migrates it (fsync on, as {@code credence serve} runs it), one tenant with
 * {@code count} credentials whose certificates the real {@link CertificateRenderer} drew and
 * {@link StoredDocuments} stored, and the route as the server's document routes are built: the
 * public credential by number, its stored document, {@link Downloads#serve} (ETag,
 * {@code If-None-Match}), on the server's own Javalin set-up ({@link HttpServer}).
 *
 * <p>Usage: {@code java -cp credence-bench/target/benchmarks.jar org.credence.bench.StoredPdfServer PORT NUMBERS_FILE [COUNT]};
 * writes one certificate number a line to {@code NUMBERS_FILE} once the server answers, and
 * serves until stopped.
 */
public final class StoredPdfServer {
    static final String KIND = "certificate.pdf";

    private StoredPdfServer() {}

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Path numbersFile = Path.of(args[1]);
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        Path data = Files.createTempDirectory("credence-stored-pdf");
        Database database = Database.open(Optional.empty(), data, true);
        Jdbi jdbi = database.jdbi();
        StoredDocuments documents = new StoredDocuments(jdbi, org.credence.document.DocumentEdition.current());
        List<String> numbers = store(jdbi, documents, count);
        HttpServer http = new HttpServer(List.of(config -> config.routes.get("/c/{number}/" + KIND, ctx -> {
            IssuedCredential credential = jdbi.withHandle(h -> CredentialStore.publicByNumber(h, ctx.pathParam("number")))
                    .orElseThrow(() -> Problem.notFound("no public credential with this number"));
            StoredDocument pdf = documents.findOrRender(credential.tenantId(), credential.id(), KIND, () -> {
                throw new IllegalStateException("every certificate was stored before the run");
            });
            Downloads.serve(ctx, pdf.etag(), pdf.contentType(), pdf.bytes(), Optional.empty());
        }))).start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            http.close();
            database.close();
            delete(data);
        }));
        Files.write(numbersFile, numbers, StandardCharsets.UTF_8);
        System.out.println("serving " + numbers.size() + " stored certificates on port " + http.port());
    }

    /** One tenant, one achievement, {@code count} credentials, each with its certificate rendered and stored. */
    private static List<String> store(Jdbi jdbi, StoredDocuments documents, int count) {
        long tenant = jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO tenant (slug, name, url) VALUES ('load', 'Northfield Community College', 'https://load.example')
                RETURNING id""").mapTo(Long.class).one());
        long achievement = jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO achievement (tenant_id, kind, name, description, criteria)
                VALUES (:tenant, 'certificate', 'Data Analysis Fundamentals', 'For the load test.', 'Exist.')
                RETURNING id""").bind("tenant", tenant).mapTo(Long.class).one());
        CertificateRenderer renderer = new CertificateRenderer();
        Design design = Designs.builtIn("classic");
        Branding branding = new Branding("A4", "#1f3a5f", "#c8a43b", Optional.of(new Branding.Image("image/png", PdfBenchmark.logo())),
                Optional.empty(), Optional.empty());
        Certificate[] certificates = PdfBenchmark.certificates(4711L);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < Math.min(count, certificates.length); i++) {
            Certificate c = certificates[i];
            UUID id = UUID.nameUUIDFromBytes(c.number().getBytes(StandardCharsets.UTF_8));
            jdbi.useHandle(h -> h.createUpdate("""
                    INSERT INTO credential (id, tenant_id, achievement_id, number, recipient_name, recipient_email_hash, recipient_email,
                                            document, document_text, status_list_id, status_index, issued_at, expires_at)
                    VALUES (:id, :tenant, :achievement, :number, :name, :hash, :email,
                            CAST(:document AS JSONB), :document, 1, :index, :issued, :expires)""")
                    .bind("id", id).bind("tenant", tenant).bind("achievement", achievement).bind("number", c.number())
                    .bind("name", c.recipientName()).bind("hash", StoredDocuments.sha256(c.number().getBytes(StandardCharsets.UTF_8)))
                    .bind("email", c.number().toLowerCase(java.util.Locale.ROOT) + "@example.org").bind("document", c.credentialJson())
                    .bind("index", numbers.size()).bind("issued", Timestamp.from(c.issuedAt()))
                    .bind("expires", Timestamp.from(c.expiresAt().orElseThrow())).execute());
            documents.findOrRender(tenant, id, KIND, () -> new StoredDocuments.Rendered("application/pdf", renderer.render(design, branding, c)));
            numbers.add(c.number());
        }
        return numbers;
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
