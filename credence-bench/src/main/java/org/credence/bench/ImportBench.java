package org.credence.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.credence.Credence;
import org.credence.Settings;
import org.credence.issuance.BatchResult;
import org.credence.issuance.IssueCommand;
import org.credence.tenant.Caller;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.postgresql.PGConnection;

/**
 * Times outcome imports ({@code POST /api/v1/outcomes/imports}, CSV over HTTP, the server's whole path: parse,
 * check, hash, resolve persons, upsert, match) and — the baseline, in the same process on the same database —
 * the same opportunity rows written by a JDBI {@link PreparedBatch} of one {@code INSERT … ON CONFLICT} per row
 * (what a plain implementation does) and by a bare {@code COPY} (no checks, no upsert: the floor).
 *
 * <pre>java -Xmx3g -cp credence-bench/target/benchmarks.jar org.credence.bench.ImportBench [--rows 200000] [--runs 3] [--recipients 2000]
 *     [--contacts-only | --employees-only] [--match-share 33]</pre>
 *
 * <p>{@code --contacts-only} times the first import of {@code rows / 2} contacts {@code runs} times (each into emptied tables) and
 * prints the CPU time per row (this JVM and the embedded PostgreSQL): until the answer, and until the background work the import
 * queued (statistics, the outcome warmer) is done. {@code --employees-only} does the same with {@code rows / 2} HRIS employees.
 * With {@code -Dorg.slf4j.simpleLogger.log.org.credence.integration.OutcomeImports=debug} the server logs each import's phases
 * with their CPU (the importing thread's and its PostgreSQL backend's).
 *
 * <p>{@code --match-share P} makes P % of the contacts (spread evenly through the file) recipients' addresses, the k-th of them
 * recipient {@code k mod recipients}, and the others addresses no recipient has: the import then matches that share of its rows
 * (to as many distinct recipients as there are, so give {@code --recipients} at least P % of the contacts for one contact per
 * person). Without it contact {@code i} is recipient {@code i}'s address, as the first runs had it.
 */
public final class ImportBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ImportBench() {}

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(DashboardBench.option(args, "--rows", "200000"));
        int runs = Integer.parseInt(DashboardBench.option(args, "--runs", "3"));
        int recipients = Integer.parseInt(DashboardBench.option(args, "--recipients", "2000"));
        int contacts = rows / 2;
        boolean contactsOnly = Arrays.asList(args).contains("--contacts-only");
        boolean employeesOnly = Arrays.asList(args).contains("--employees-only");
        double matchShare = Double.parseDouble(DashboardBench.option(args, "--match-share", "NaN"));
        if (!Double.isNaN(matchShare) && (matchShare < 0 || matchShare > 100)) {
            throw new IllegalArgumentException("--match-share is a percentage, 0 to 100");
        }
        Path data = Files.createTempDirectory("credence-import-bench");
        String adminKey = "crd_000000000001_" + HexFormat.of().formatHex(SecureRandom.getInstanceStrong().generateSeed(16));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data.resolve("pg")).setCleanDataDirectory(true).start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres") + "&password=postgres";
            Settings settings = new Settings(0, data, Optional.of(url), Optional.of(adminKey), Optional.empty(), Optional.empty(), false);
            try (Credence server = Credence.start(settings, Clock.systemUTC())) {
                Jdbi jdbi = Jdbi.create(url);
                HttpClient http = HttpClient.newHttpClient();
                String base = "http://localhost:" + server.port();
                String key = post(http, base + "/api/v1/tenants", adminKey, "application/json",
                        "{\"slug\":\"import-bench\",\"name\":\"Import bench\",\"url\":\"https://bench.example\"}").get("apiKey").asText();
                long achievement = post(http, base + "/api/v1/achievements", key, "application/json",
                        "{\"name\":\"Bench\",\"kind\":\"certificate\",\"description\":\"d\",\"criteria\":\"c\"}").get("id").asLong();
                long tenant = jdbi.withHandle(h -> h.createQuery("SELECT id FROM tenant WHERE slug = 'import-bench'").mapTo(Long.class).one());
                issue(server, tenant, achievement, recipients);
                if (employeesOnly) {
                    firstImportRuns(server, jdbi, new ProcessCpu(data.resolve("pg")), http, base, key, tenant, "hris_employee",
                            employees(contacts, recipients, Double.isNaN(matchShare) ? 0 : matchShare), contacts, runs);
                    return;
                }
                byte[] contactCsv = Double.isNaN(matchShare) ? contacts(contacts) : contacts(contacts, recipients, matchShare);
                if (contactsOnly) {
                    firstImportRuns(server, jdbi, new ProcessCpu(data.resolve("pg")), http, base, key, tenant, "crm_contact", contactCsv, contacts, runs);
                    return;
                }
                byte[] opportunityCsv = opportunities(rows, contacts, 0);
                byte[] changedCsv = opportunities(rows, contacts, 1);
                System.out.printf("Tenant: %,d recipients; %,d contacts (%,d bytes of CSV); %,d opportunities (%,d bytes); %d runs, median shown.%n%n",
                        recipients, contacts, contactCsv.length, rows, opportunityCsv.length, runs);
                System.out.println("| what | rows | median time | rows/s | match rate |");
                System.out.println("|---|---:|---:|---:|---|");
                // contacts first: opportunities are matched through them
                timeImport(http, base, key, "crm_contact", "sf", contactCsv, contacts, 1, false, "contacts, first import (inserts, persons created)");
                List<Double> inserts = new ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    // the same source as the contacts (opportunities match through them), emptied before each first import
                    jdbi.useHandle(h -> h.execute("DELETE FROM crm_opportunity WHERE source = 'sf'"));
                    jdbi.useHandle(h -> h.execute("VACUUM ANALYZE crm_opportunity"));
                    inserts.add(timeImport(http, base, key, "crm_opportunity", "sf", opportunityCsv, rows, 1, false, null));
                }
                print("opportunities, first import (all inserted)", rows, inserts, lastMatch);
                print("opportunities, the same file again (none rewritten)", rows,
                        List.of(timeImport(http, base, key, "crm_opportunity", "sf", opportunityCsv, rows, runs, true, null)), lastMatch);
                List<Double> updates = new ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    updates.add(timeImport(http, base, key, "crm_opportunity", "sf", run % 2 == 0 ? changedCsv : opportunityCsv, rows, 1, false, null));
                }
                print("opportunities, every row changed (all updated)", rows, updates, lastMatch);
                List<Double> batch = new ArrayList<>();
                List<Double> copy = new ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    batch.add(preparedBatch(jdbi, tenant, "batch-" + run, rows, contacts));
                    copy.add(copy(jdbi, tenant, "copy-" + run, rows, contacts));
                }
                print("baseline: PreparedBatch, one INSERT … ON CONFLICT per row (values already parsed)", rows, batch, "");
                print("floor: bare COPY (no checks, no upsert, no matching)", rows, copy, "");
            }
        } finally {
            deleteTree(data);
        }
    }

    private static String lastMatch = "";

    /** {@code runs} first imports of the same file of {@code kind}, its table and the persons emptied before each: time, rows/s and CPU per row. */
    private static void firstImportRuns(Credence server, Jdbi jdbi, ProcessCpu cpu, HttpClient http, String base, String key, long tenant,
                                        String kind, byte[] csv, int contacts, int runs) throws Exception {
        System.out.printf("%,d rows of %s (%,d bytes of CSV), first import, %d runs; load average at start %.2f%n%n", contacts, kind, csv.length, runs,
                ProcessCpu.load());
        System.out.println("| run | time to answer | rows/s | CPU to answer, per row | of which JVM | CPU incl. background work, per row | background after answer | load (1 min) |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        double[] perSecond = new double[runs];
        double[] cpuPerRow = new double[runs];
        for (int run = 0; run < runs; run++) {
            jdbi.useHandle(h -> {
                // the kind is one of two constants above, never input
                h.createUpdate("DELETE FROM " + kind + " WHERE tenant_id = :t").bind("t", tenant).execute();
                h.createUpdate("DELETE FROM outcome_person WHERE tenant_id = :t").bind("t", tenant).execute();
                h.execute("VACUUM ANALYZE " + kind + ", outcome_person");
            });
            double load = ProcessCpu.load();
            long cpuStart = cpu.nanos();
            long jvmStart = ProcessCpu.jvmNanos();
            long start = System.nanoTime();
            timeImport(http, base, key, kind, "sf", csv, contacts, 1, false, null);
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpuAnswer = cpu.nanos() - cpuStart;
            long jvmAnswer = ProcessCpu.jvmNanos() - jvmStart;
            server.jobs().awaitIdle(java.time.Duration.ofMinutes(5));
            server.outcomeWarmer().awaitIdle(java.time.Duration.ofMinutes(5));
            double background = (System.nanoTime() - start) / 1e9 - seconds;
            long cpuAll = cpu.nanos() - cpuStart;
            perSecond[run] = contacts / seconds;
            cpuPerRow[run] = cpuAnswer / 1e3 / contacts;
            System.out.printf("| %d | %.2f s | %,.0f | %.1f µs | %.1f µs | %.1f µs | %.2f s | %.2f |%n", run + 1, seconds, contacts / seconds,
                    cpuAnswer / 1e3 / contacts, jvmAnswer / 1e3 / contacts, cpuAll / 1e3 / contacts, background, load);
        }
        Arrays.sort(perSecond);
        Arrays.sort(cpuPerRow);
        System.out.printf("%nMedian: %,.0f rows/s, %.1f µs CPU per row to the answer; match rate %s%n", perSecond[runs / 2], cpuPerRow[runs / 2], lastMatch);
    }

    /** Imports {@code body} {@code runs} times; the median seconds (and the answer's match rate kept for the table). */
    private static double timeImport(HttpClient http, String base, String key, String kind, String source, byte[] body, int rows, int runs,
                                     boolean median, String label) throws Exception {
        double[] seconds = new double[runs];
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            JsonNode answer = post(http, base + "/api/v1/outcomes/imports?kind=" + kind + "&source=" + source, key, "text/csv", body);
            seconds[run] = (System.nanoTime() - start) / 1e9;
            if (answer.get("rows").get("failed").asInt() != 0 || answer.get("rows").get("total").asInt() != rows) {
                throw new IllegalStateException("unexpected import answer: " + answer.get("rows"));
            }
            lastMatch = answer.get("matchRate").get("text").asText() + "; upserted " + answer.get("rows").get("upserted").asInt();
        }
        Arrays.sort(seconds);
        double result = seconds[runs / 2];
        if (label != null) {
            print(label, rows, List.of(result), lastMatch);
        }
        return result;
    }

    private static void print(String label, int rows, List<Double> seconds, String match) {
        double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted[sorted.length / 2];
        System.out.printf("| %s | %,d | %.2f s | %,.0f | %s |%n", label, rows, median, rows / median, match);
    }

    private static byte[] contacts(int contacts) {
        StringBuilder csv = new StringBuilder("id,email,account_id,lead_source,created_at\n");
        for (int i = 0; i < contacts; i++) {
            csv.append('c').append(i).append(",p").append(i).append("@bench.example,a").append(i % 5000).append(",web,2025-0")
                    .append(1 + i % 9).append("-1").append(i % 9).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Contacts of which {@code share} % (spread evenly) are recipients' addresses, the k-th of them recipient {@code k mod recipients};
     * the others are addresses no recipient has.
     */
    static byte[] contacts(int contacts, int recipients, double share) {
        StringBuilder csv = new StringBuilder("id,email,account_id,lead_source,created_at\n");
        long matched = 0;
        for (int i = 0; i < contacts; i++) {
            // contact i is a recipient when the running count of recipients' rows, i × share, steps up at it
            boolean recipient = recipients > 0 && (long) Math.floor((i + 1) * share / 100) > (long) Math.floor(i * share / 100);
            csv.append('c').append(i).append(',');
            if (recipient) {
                csv.append('p').append(matched++ % recipients);
            } else {
                csv.append('x').append(i);
            }
            csv.append("@bench.example,a").append(i % 5000).append(",web,2025-0").append(1 + i % 9).append("-1").append(i % 9).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** HRIS employees shaped as {@link #contacts(int, int, double)}: {@code share} % of them recipients' addresses. */
    static byte[] employees(int employees, int recipients, double share) {
        StringBuilder csv = new StringBuilder("id,email,role,hired_on,productive_on,terminated_on\n");
        long matched = 0;
        for (int i = 0; i < employees; i++) {
            boolean recipient = recipients > 0 && (long) Math.floor((i + 1) * share / 100) > (long) Math.floor(i * share / 100);
            csv.append('h').append(i).append(',').append(recipient ? "p" + matched++ % recipients : "y" + i).append("@bench.example,")
                    .append(i % 3 == 0 ? "sales" : "support").append(",2024-0").append(1 + i % 9).append("-1").append(i % 9).append(',')
                    .append(i % 2 == 0 ? "2024-1" + i % 3 + "-1" + i % 9 : "").append(',').append(i % 7 == 0 ? "2025-0" + (1 + i % 9) + "-2" + i % 9 : "")
                    .append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Issues one credential to each of {@code recipients} ({@code p0@bench.example…}) in batches, in process: set-up, not timed. */
    private static void issue(Credence server, long tenant, long achievement, int recipients) {
        Caller caller = new Caller(tenant, java.util.Set.of("issue"), "bench");
        for (int from = 0; from < recipients; from += 500) {
            List<IssueCommand> commands = new ArrayList<>();
            for (int i = from; i < Math.min(recipients, from + 500); i++) {
                commands.add(new IssueCommand(achievement, "R", "p" + i + "@bench.example", null, null, null, List.of(), false, null));
            }
            for (BatchResult result : server.issuance().issueAll(caller, commands)) {
                if (result.issued() == null) {
                    throw new IllegalStateException("recipient not issued: " + result.error());
                }
            }
        }
    }

    private static byte[] opportunities(int rows, int contacts, int variant) {
        StringBuilder csv = new StringBuilder("id,contact_id,account_id,stage,amount,currency,created_at,closed_at,outcome\n");
        LocalDate day = LocalDate.of(2025, 1, 1);
        for (int i = 0; i < rows; i++) {
            int outcome = i % 3;
            csv.append('o').append(i).append(",c").append(i % contacts).append(",a").append(i % 5000).append(',')
                    .append(outcome == 0 ? "Prospecting" : outcome == 1 ? "Closed Won" : "Closed Lost").append(',')
                    .append(1000 + i % 90000 + variant).append('.').append(i % 100 < 10 ? "0" : "").append(i % 100).append(",EUR,")
                    .append(day.plusDays(i % 600)).append(',').append(outcome == 0 ? "" : day.plusDays(i % 600 + 30).toString()).append(',')
                    .append(outcome == 0 ? "open" : outcome == 1 ? "won" : "lost").append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static double preparedBatch(Jdbi jdbi, long tenant, String source, int rows, int contacts) {
        long start = System.nanoTime();
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO crm_opportunity (tenant_id, source, source_id, contact_source_id, account_source_id, stage, amount, currency, created_at,
                                                 closed_at, outcome)
                    VALUES (:tenant, :source, :id, :contact, :account, :stage, :amount, :currency, :created, :closed, :outcome)
                    ON CONFLICT (tenant_id, source, source_id) DO UPDATE SET amount = EXCLUDED.amount, stage = EXCLUDED.stage, closed_at = EXCLUDED.closed_at,
                        outcome = EXCLUDED.outcome, updated_at = now()""");
            LocalDate day = LocalDate.of(2025, 1, 1);
            for (int i = 0; i < rows; i++) {
                int outcome = i % 3;
                batch.bind("tenant", tenant).bind("source", source).bind("id", "o" + i).bind("contact", "c" + (i % contacts)).bind("account", "a" + (i % 5000))
                        .bind("stage", outcome == 0 ? "Prospecting" : "Closed").bind("amount", new java.math.BigDecimal(1000 + i % 90000).movePointLeft(0))
                        .bind("currency", "EUR").bind("created", day.plusDays(i % 600).atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime())
                        .bind("closed", outcome == 0 ? null : day.plusDays(i % 600 + 30).atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime())
                        .bind("outcome", outcome == 0 ? "open" : outcome == 1 ? "won" : "lost").add();
                if (batch.size() == 5000) {
                    batch.execute();
                }
            }
            if (batch.size() > 0) {
                batch.execute();
            }
        });
        return (System.nanoTime() - start) / 1e9;
    }

    private static double copy(Jdbi jdbi, long tenant, String source, int rows, int contacts) throws Exception {
        StringBuilder text = new StringBuilder();
        LocalDate day = LocalDate.of(2025, 1, 1);
        for (int i = 0; i < rows; i++) {
            int outcome = i % 3;
            text.append(tenant).append(',').append(source).append(",o").append(i).append(",c").append(i % contacts).append(",a").append(i % 5000)
                    .append(',').append(outcome == 0 ? "Prospecting" : "Closed").append(',').append(1000 + i % 90000).append(",EUR,")
                    .append(day.plusDays(i % 600)).append(',').append(outcome == 0 ? "" : day.plusDays(i % 600 + 30).toString()).append(',')
                    .append(outcome == 0 ? "open" : outcome == 1 ? "won" : "lost").append('\n');
        }
        long start = System.nanoTime();
        jdbi.useTransaction(h -> {
            try {
                h.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn("""
                        COPY crm_opportunity (tenant_id, source, source_id, contact_source_id, account_source_id, stage, amount, currency, created_at,
                                              closed_at, outcome) FROM STDIN WITH (FORMAT csv)""", new java.io.StringReader(text.toString()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return (System.nanoTime() - start) / 1e9;
    }

    private static JsonNode post(HttpClient http, String url, String key, String type, String body) throws Exception {
        return post(http, url, key, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode post(HttpClient http, String url, String key, String type, byte[] body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
