package org.credence.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.credence.json.JsonFields;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code credence api-key create|list|revoke|rotate}: a tenant's API keys, on a running server, with a key holding the admin scope. */
@Command(name = "api-key", mixinStandardHelpOptions = true, description = "Manage a tenant's API keys on a running server (needs a key with the admin scope).",
        subcommands = {ApiKeyCommand.Create.class, ApiKeyCommand.ListKeys.class, ApiKeyCommand.Revoke.class, ApiKeyCommand.Rotate.class})
final class ApiKeyCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the server is and which key manages the keys. */
    static final class Server {
        @Option(names = "--server", defaultValue = "http://localhost:8080", description = "Server URL (default: ${DEFAULT-VALUE}).") String server;
        @Option(names = "--api-key", description = "The tenant's API key with the admin scope (default: $CREDENCE_API_KEY).") String apiKey;

        ServerClient client() {
            return new ServerClient(server, ServerClient.apiKey(apiKey));
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a key; its secret is printed once, on the first line.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Server server;
        @Option(names = "--label", required = true, description = "Who or what uses the key, e.g. \"Moodle LMS\".") String label;
        @Option(names = "--scope", required = true, split = ",", description = "Scopes, comma-separated or repeated: issue, read, analytics, admin.")
        List<String> scopes;

        @Override
        public Integer call() {
            ServerClient client = server.client();
            var body = JsonFields.MAPPER.createObjectNode().put("label", label);
            scopes.forEach(body.putArray("scopes")::add);
            printCreated(spec.commandLine().getOut(), client.expect(client.send("POST", "/api/v1/api-keys", body)));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the tenant's working keys (never their secrets).")
    static final class ListKeys implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Server server;

        @Override
        public Integer call() {
            ServerClient client = server.client();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-12s  %-28s  %-20s  %-20s  %s%n", "PREFIX", "SCOPES", "CREATED", "LAST USED", "LABEL");
            for (JsonNode key : client.expect(client.send("GET", "/api/v1/api-keys", null)).path("items")) {
                List<String> scopes = new java.util.ArrayList<>();
                key.path("scopes").forEach(s -> scopes.add(s.asText()));
                String label = key.path("label").asText() + (key.hasNonNull("expiresAt") ? " (rotated; works until " + key.get("expiresAt").asText() + ")" : "");
                out.printf("%-12s  %-28s  %-20s  %-20s  %s%n", key.path("prefix").asText(), String.join(",", scopes), key.path("createdAt").asText(),
                        key.path("lastUsedAt").asText("never"), label);
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key at once, by its prefix.")
    static final class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Server server;
        @Parameters(paramLabel = "PREFIX", description = "The key's prefix (the 12 characters after crd_), as 'list' shows it.") String prefix;

        @Override
        public Integer call() {
            ServerClient client = server.client();
            client.expect(client.send("POST", "/api/v1/api-keys/" + prefix(prefix) + "/revoke", null));
            spec.commandLine().getOut().println("crd_" + prefix(prefix) + " is revoked");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Replace a key with a new secret of the same label and scopes; the old one stops working at once or after --grace-seconds.")
    static final class Rotate implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Server server;
        @Parameters(paramLabel = "PREFIX", description = "The key's prefix, as 'list' shows it.") String prefix;
        @Option(names = "--grace-seconds", defaultValue = "0", description = "How long the old key keeps working, 0-86400 (default: ${DEFAULT-VALUE}).")
        long graceSeconds;

        @Override
        public Integer call() {
            ServerClient client = server.client();
            var body = JsonFields.MAPPER.createObjectNode().put("graceSeconds", graceSeconds);
            printCreated(spec.commandLine().getOut(), client.expect(client.send("POST", "/api/v1/api-keys/" + prefix(prefix) + "/rotate", body)));
            return 0;
        }
    }

    private static void printCreated(PrintWriter out, JsonNode created) {
        out.println(created.path("key").asText());
        out.println("prefix " + created.path("prefix").asText() + ", scopes " + created.path("scopes").toString()
                + ": the key above is shown only now; keep it in a secret store");
        out.flush();
    }

    /** The prefix as typed, or cut from a whole key pasted by mistake. */
    private static String prefix(String typed) {
        String p = typed.strip();
        if (p.startsWith("crd_")) {
            p = p.substring(4);
        }
        if (!p.matches("[0-9a-f]{12}.*")) {
            throw new CredenceCli.UsageProblem("'" + typed + "' is not a key prefix: 12 hex characters as 'credence api-key list' shows them");
        }
        return p.substring(0, 12);
    }
}
