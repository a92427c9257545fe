package org.credence.cli;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code credence import}: one outcome file (CSV or JSON) into a running server; prints the import with its match rate and errors. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import outcome data (LMS, CRM, HR, revenue) from a CSV or JSON file; prints the counts, the match rate and the refused rows.")
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--kind", required = true,
            description = "lms_enrolment, crm_contact, crm_account, crm_opportunity, hris_employee or revenue_line.") String kind;
    @Option(names = "--source", required = true, description = "The system the data comes from, e.g. salesforce.") String source;
    @Option(names = "--server", defaultValue = "http://localhost:8080", description = "Server URL (default: ${DEFAULT-VALUE}).") String server;
    @Option(names = "--api-key", description = "The tenant's API key with the analytics scope (default: $CREDENCE_API_KEY); it names the tenant.")
    String apiKey;
    @Parameters(paramLabel = "FILE", description = "The file: .json for a JSON array, anything else is read as CSV.") Path file;

    @Override
    public Integer call() throws IOException {
        if (Files.isDirectory(file)) {
            throw new CredenceCli.UsageProblem(file + " is a directory, not a file");
        }
        ServerClient client = new ServerClient(server, ServerClient.apiKey(apiKey));
        byte[] body;
        try {
            body = Files.readAllBytes(file); // not CliFiles.read: outcome files are far larger than a credential
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CredenceCli.UsageProblem("no such file: " + file);
        }
        String type = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? "application/json" : "text/csv";
        String path = "/api/v1/outcomes/imports?kind=" + URLEncoder.encode(kind, StandardCharsets.UTF_8) + "&source="
                + URLEncoder.encode(source, StandardCharsets.UTF_8);
        spec.commandLine().getOut().println(client.expect(client.send("POST", path, body, type, Duration.ofMinutes(30))).toPrettyString());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
