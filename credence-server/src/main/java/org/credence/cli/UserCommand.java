package org.credence.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.credence.json.JsonFields;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code credence user create}: a user who signs in to a tenant's pages, on a running server. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage a tenant's users on a running server.",
        subcommands = UserCommand.Create.class)
final class UserCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a user; the password is read from the first line of standard input, never from the command line.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--tenant", required = true, description = "The tenant's slug.") String tenant;
        @Option(names = "--email", required = true, description = "The user's e-mail address (their sign-in name).") String email;
        @Option(names = "--name", description = "Display name (default: the e-mail address).") String name;
        @Option(names = "--role", required = true, description = "owner, issuer, analyst or viewer.") String role;
        @Option(names = "--password-stdin", required = true, description = "Read the password (12-1024 characters) from standard input.")
        boolean passwordStdin;
        @Option(names = "--server", defaultValue = "http://localhost:8080", description = "Server URL (default: ${DEFAULT-VALUE}).") String server;
        @Option(names = "--api-key", description = "The administrator's or the tenant's API key (default: $CREDENCE_API_KEY).") String apiKey;

        @Override
        public Integer call() {
            ServerClient client = new ServerClient(server, ServerClient.apiKey(apiKey));
            var body = JsonFields.MAPPER.createObjectNode().put("email", email).put("name", name == null ? email : name)
                    .put("role", role).put("password", readPassword());
            String path = "/api/v1/users?tenant=" + URLEncoder.encode(tenant, StandardCharsets.UTF_8);
            spec.commandLine().getOut().println(client.expect(client.send("POST", path, body)).toPrettyString());
            spec.commandLine().getOut().flush();
            return 0;
        }

        private static String readPassword() {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new CredenceCli.UsageProblem("no password on standard input (e.g. printf '%s\\n' \"$PASSWORD\" | credence user create …)");
                }
                return line;
            } catch (IOException e) {
                throw new CredenceCli.UsageProblem("standard input could not be read: " + e.getMessage());
            }
        }
    }
}
