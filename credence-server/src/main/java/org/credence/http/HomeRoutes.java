package org.credence.http;

import io.javalin.config.JavalinConfig;
import java.util.Map;
import org.credence.i18n.Messages;

/** {@code /}: a small page that says what this server is and where to go (set up a fresh one, verify, sign in, API docs), in English and bokmål. */
public final class HomeRoutes {

    private HomeRoutes() {}

    /** @param setupDone whether the installation has its first organisation and owner; until then the page points to {@code /setup} */
    public static void register(JavalinConfig config, java.util.function.BooleanSupplier setupDone) {
        config.routes.get("/", ctx -> {
            String lang = Pages.language(ctx);
            ctx.contentType("text/html; charset=utf-8").result(Pages.render("home/index.jte", Map.of("lang", lang, "t", Messages.of("home", lang).table(),
                    "s", Messages.of("setup", lang).table(), "fresh", !setupDone.getAsBoolean())));
        });
    }
}
