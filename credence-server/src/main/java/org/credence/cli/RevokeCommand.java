package org.credence.cli;

import java.util.concurrent.Callable;
import org.credence.json.JsonFields;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code credence revoke NUMBER --reason …}: revoke on a running server. */
@Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a credential by its number (final).")
final class RevokeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "NUMBER", description = "The certificate number, e.g. CRD-7K3M-Q9XP-2F, or the credential id.") String number;
    @Option(names = "--reason", required = true, description = "Why; kept in the audit trail.") String reason;
    @Option(names = "--server", defaultValue = "http://localhost:8080", description = "Server URL (default: ${DEFAULT-VALUE}).") String server;
    @Option(names = "--api-key", description = "The tenant's API key (default: $CREDENCE_API_KEY).") String apiKey;

    @Override
    public Integer call() {
        ServerClient client = new ServerClient(server, ServerClient.apiKey(apiKey));
        var reply = client.expect(client.send("POST", "/api/v1/credentials/" + java.net.URLEncoder.encode(number, java.nio.charset.StandardCharsets.UTF_8)
                + "/revoke", JsonFields.MAPPER.createObjectNode().put("reason", reason)));
        spec.commandLine().getOut().println(reply.path("number").asText() + " is " + reply.path("state").asText());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
