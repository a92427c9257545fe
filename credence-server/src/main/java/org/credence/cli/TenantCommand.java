package org.credence.cli;

import java.util.concurrent.Callable;
import org.credence.json.JsonFields;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code credence tenant create}: a new organisation on a running server (administrator key). */
@Command(name = "tenant", mixinStandardHelpOptions = true, description = "Manage tenants on a running server.",
        subcommands = TenantCommand.Create.class)
final class TenantCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a tenant and print it with its first API key (shown once).")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--slug", required = true, description = "Short name used in URLs, e.g. acme.") String slug;
        @Option(names = "--name", required = true, description = "Display name.") String name;
        @Option(names = "--url", description = "The organisation's web site.") String url;
        @Option(names = "--locale", defaultValue = "en", description = "en or nb (default: ${DEFAULT-VALUE}).") String locale;
        @Option(names = "--server", defaultValue = "http://localhost:8080", description = "Server URL (default: ${DEFAULT-VALUE}).") String server;
        @Option(names = "--api-key", description = "Administrator API key (default: $CREDENCE_API_KEY).") String apiKey;

        @Override
        public Integer call() {
            ServerClient client = new ServerClient(server, ServerClient.apiKey(apiKey));
            var body = JsonFields.MAPPER.createObjectNode().put("slug", slug).put("name", name).put("locale", locale);
            if (url != null) {
                body.put("url", url);
            }
            spec.commandLine().getOut().println(client.expect(client.send("POST", "/api/v1/tenants", body)).toPrettyString());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
