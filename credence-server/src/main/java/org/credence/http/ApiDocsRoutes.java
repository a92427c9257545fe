package org.credence.http;

import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The hand-written OpenAPI contract and Swagger UI (from its WebJar, no build step). */
public final class ApiDocsRoutes {
    private static final String SWAGGER = "/webjars/swagger-ui/5.30.2";

    private ApiDocsRoutes() {}

    public static void register(JavalinConfig config) {
        byte[] spec = spec();
        config.staticFiles.enableWebjars();
        // the pages' scripts: a Content-Security-Policy allows only files from here, never inline script
        config.staticFiles.add(files -> {
            files.hostedPath = "/static";
            files.directory = "/org/credence/http/static";
            files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
        });
        config.routes.get("/api/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(spec));
        config.routes.get("/api/docs", ctx -> ctx.contentType("text/html; charset=utf-8").result("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Credence API</title>
                <link rel="stylesheet" href="%1$s/swagger-ui.css"></head><body><div id="ui"></div>
                <script src="%1$s/swagger-ui-bundle.js"></script>
                <script src="/static/api-docs.js"></script></body></html>
                """.formatted(SWAGGER)));
    }

    /** The contract, as shipped in the jar. */
    public static byte[] spec() {
        try (InputStream in = ApiDocsRoutes.class.getResourceAsStream("/org/credence/http/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
