package org.credence.cli;

import java.util.concurrent.Callable;
import org.credence.json.JsonFields;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code credence issue}: one credential from a running server. */
@Command(name = "issue", mixinStandardHelpOptions = true, description = "Issue one credential; prints its number, verify URL and signed credential.")
final class IssueCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--achievement", required = true, description = "The achievement (credential template) id.") long achievement;
    @Option(names = "--name", required = true, description = "Recipient's name.") String name;
    @Option(names = "--email", required = true, description = "Recipient's e-mail address.") String email;
    @Option(names = "--expires", description = "Expiry, ISO-8601 (default: the achievement's validity).") String expires;
    @Option(names = "--server", defaultValue = "http://localhost:8080", description = "Server URL (default: ${DEFAULT-VALUE}).") String server;
    @Option(names = "--api-key", description = "The tenant's API key (default: $CREDENCE_API_KEY).") String apiKey;

    @Override
    public Integer call() {
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
}
