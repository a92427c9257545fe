package org.credence.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import org.credence.demo.DemoCatalog;
import org.credence.demo.DemoLoader;

/** What {@code serve --demo} tells the person who started it. */
final class DemoText {
    private DemoText() {}

    static void print(PrintWriter out, DemoLoader.Loaded loaded, URI publicUrl, Duration took) {
        if (loaded.created()) {
            out.printf("Demo tenant '%s' (%s) loaded in %.1f s: %,d credentials, %,d simulated events.%n", DemoCatalog.TENANT_SLUG,
                    DemoCatalog.TENANT_NAME, took.toMillis() / 1000.0, loaded.credentials(), loaded.events());
            out.println("Sign in at " + publicUrl.resolve("/login") + " (shown once, keep it):");
            out.println("  organisation: " + DemoCatalog.TENANT_SLUG);
            out.println("  e-mail:       " + DemoLoader.OWNER_EMAIL);
            out.println("  password:     " + loaded.ownerPassword().orElseThrow());
            out.println("  API key:      " + loaded.apiKey().orElseThrow());
        } else {
            out.printf("Demo tenant '%s' is already loaded (%,d credentials, %,d simulated events); not loaded again.%n",
                    DemoCatalog.TENANT_SLUG, loaded.credentials(), loaded.events());
            out.println("Sign in at " + publicUrl.resolve("/login") + " as " + DemoLoader.OWNER_EMAIL
                    + " with the password printed when it was loaded (a new data directory loads it afresh).");
        }
        out.flush();
    }
}
