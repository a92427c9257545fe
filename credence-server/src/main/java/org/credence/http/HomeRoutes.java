package org.credence.http;

import io.javalin.config.JavalinConfig;
import java.util.Map;
import org.credence.i18n.Messages;

/** {@code /}: a small page that says what this server is and where to go (verify, sign in, API docs), in English and bokmål. */
public final class HomeRoutes {

    private HomeRoutes() {}

    public static void register(JavalinConfig config) {
        config.routes.get("/", ctx -> {
            String lang = Pages.language(ctx.queryParam("lang"), ctx.header("Accept-Language"));
            ctx.contentType("text/html; charset=utf-8").result(Pages.render("home/index.jte", Map.of("lang", lang, "t", Messages.of("home", lang).table())));
        });
    }
}
