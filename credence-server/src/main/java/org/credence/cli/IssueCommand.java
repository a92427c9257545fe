package org.credence.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.credence.i18n.Messages;
import org.credence.json.JsonFields;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code credence issue}: one credential from a running server, or with {@code --csv} a whole
 * file of them as a bulk issuance job, followed with a progress bar (rate and ETA).
 */
@Command(name = "issue", mixinStandardHelpOptions = true,
        description = {"Issue one credential (prints its number, verify URL and signed credential),",
                "or with --csv a file of them as a bulk job: a progress bar with rate and ETA, then the counts; exit code 1 when rows failed."})
final class IssueCommand implements Callable<Integer> {
    private static final int ERRORS_SHOWN = 20;
    @Spec
    CommandSpec spec;
    @Option(names = "--achievement", description = "The achievement (credential template) id.") Long achievement;
    @Option(names = "--name", description = "Recipient's name.") String name;
    @Option(names = "--email", description = "Recipient's e-mail address.") String email;
    @Option(names = "--expires", description = "Expiry, ISO-8601 (default: the achievement's validity).") String expires;
    @Option(names = "--csv", paramLabel = "FILE",
            description = "Issue every row of this file (CSV: name, email, achievement [, issued, expires, grade, evidence, custom_…]; .json: an array).")
    Path csv;
    @Option(names = "--dry-run", description = "With --csv: only say what would be issued and which rows are refused; issue nothing.") boolean dryRun;
    @Option(names = "--no-mail", description = "With --csv: do not mail the recipients.") boolean noMail;
    @Option(names = "--tenant", paramLabel = "SLUG", description = "With --csv: the tenant the API key must belong to (a check against the wrong key).")
    String tenant;
    @Option(names = "--lang", defaultValue = "en", description = "Language of the summary: en or nb (default: ${DEFAULT-VALUE}).") String lang;
    @Option(names = "--server", defaultValue = "http://localhost:8080", description = "Server URL (default: ${DEFAULT-VALUE}).") String server;
    @Option(names = "--api-key", description = "The tenant's API key with the issue scope (default: $CREDENCE_API_KEY).") String apiKey;

    @Override
    public Integer call() throws Exception {
        if (csv != null) {
            return bulk();
        }
        if (achievement == null || name == null || email == null) {
            throw new CredenceCli.UsageProblem("give --achievement, --name and --email for one credential, or --csv FILE for many");
        }
        ServerClient client = new ServerClient(server, ServerClient.apiKey(apiKey));
        var body = JsonFields.MAPPER.createObjectNode().put("achievementId", achievement);
        body.putObject("recipient").put("name", name).put("email", email);
        if (expires != null) {
            body.put("expiresAt", expires);
        }
        spec.commandLine().getOut().println(client.expect(client.send("POST", "/api/v1/credentials", body)).toPrettyString());
        spec.commandLine().getOut().flush();
        return 0;
    }

    private int bulk() throws InterruptedException {
        if (!lang.equals("en") && !lang.equals("nb")) {
            throw new CredenceCli.UsageProblem("--lang must be en or nb, not '" + lang + "'");
        }
        if (Files.isDirectory(csv)) {
            throw new CredenceCli.UsageProblem(csv + " is a directory, not a file");
        }
        Messages text = Messages.of("bulk", lang);
        PrintWriter out = spec.commandLine().getOut();
        ServerClient client = new ServerClient(server, ServerClient.apiKey(apiKey));
        String type = csv.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? "application/json" : "text/csv";
        String path = "/api/v1/issuance-jobs?dryRun=" + dryRun + "&notify=" + !noMail
                + (tenant == null ? "" : "&tenant=" + URLEncoder.encode(tenant, StandardCharsets.UTF_8));
        JsonNode answer = client.expect(client.send("POST", path, csv, type, Duration.ofMinutes(30)));
        answer.path("warnings").forEach(w -> out.println(text.format("warning", Map.of("text", w.asText()))));
        if (dryRun) {
            out.println(text.format("preview", Map.of("total", answer.get("total").asInt(), "issuable", answer.get("issuable").asInt(),
                    "alreadyIssued", answer.get("alreadyIssued").asInt(), "refused", answer.get("refused").asInt())));
            errors(out, text, answer, answer.get("refused").asInt() + answer.get("alreadyIssued").asInt());
            out.flush();
            return answer.get("refused").asInt() + answer.get("alreadyIssued").asInt() > 0 ? CredenceCli.EXIT_INVALID : 0;
        }
        long id = answer.get("id").asLong();
        JsonNode job = answer;
        // the bar goes to standard error, so the summary on standard output stays clean for scripts
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(text.text("progress")).setInitialMax(job.get("total").asLong())
                .setStyle(ProgressBarStyle.ASCII).showSpeed().setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS).setUnit(" rows", 1)
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build()) {
            while (true) {
                bar.stepTo(job.get("total").asLong() - job.get("pending").asLong());
                if (job.get("state").asText().matches("finished|cancelled")) {
                    break;
                }
                Thread.sleep(500);
                job = client.expect(client.send("GET", "/api/v1/issuance-jobs/" + id, null));
            }
        }
        out.println(text.format("summary", Map.of("id", id, "state", job.get("state").asText(), "total", job.get("total").asInt(),
                "issued", job.get("issued").asInt(), "alreadyIssued", job.get("alreadyIssued").asInt(), "failed", job.get("failed").asInt(),
                "cancelled", job.get("cancelled").asInt())));
        errors(out, text, job, job.get("failed").asInt());
        out.println(text.format("result", Map.of("url", server.replaceAll("/+$", "") + job.get("result").asText())));
        out.flush();
        return job.get("failed").asInt() > 0 || job.get("state").asText().equals("cancelled") ? CredenceCli.EXIT_INVALID : 0;
    }

    private static void errors(PrintWriter out, Messages text, JsonNode answer, int count) {
        int shown = 0;
        for (JsonNode error : answer.path("errors")) {
            if (shown++ == ERRORS_SHOWN) {
                break;
            }
            out.println(text.format("row_error", Map.of("line", error.has("line") ? error.get("line").asInt() : error.path("index").asInt(),
                    "message", error.get("message").asText())));
        }
        if (count > Math.min(shown, ERRORS_SHOWN)) {
            out.println(text.format("more_errors", Map.of("count", count - Math.min(shown, ERRORS_SHOWN))));
        }
    }
}
