package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Services speak the domain: only the web layer (route classes, page classes, the http package and
 * the composition root) may use Javalin or {@code org.credence.http}. Reads the sources, so an
 * import and a fully qualified name in code both count; comments do not.
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java");

    /** Code (not a comment line) naming the web layer. */
    private static final Pattern WEB = Pattern.compile("^(?!\\s*(\\*|//|/\\*)).*\\b(io\\.javalin|org\\.credence\\.http)\\.", Pattern.MULTILINE);

    /** What could not move yet, each with why: keep this short, and shorten it. */
    private static final Map<String, String> ALLOWED = Map.of(
            "org/credence/user/Sessions.java", "the signed-in session is a cookie: it reads and writes it on the request",
            "org/credence/tracking/TrackingModule.java", "registers the tracking routes",
            "org/credence/tracking/ServerEvents.java", "records an event for a request, then answers it asynchronously (ctx.future)",
            "org/credence/tracking/RecipientCheck.java", "asks whether a request comes from the credential's recipient (their cookie)",
            "org/credence/delivery/MailContent.java", "renders the mail through the web layer's template engine (Pages.render)");

    @Test
    void onlyTheWebLayerUsesJavalinOrTheHttpPackage() throws IOException {
        Map<String, String> offenders = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = SOURCES.relativize(file).toString().replace('\\', '/');
                if (isWebLayer(name) || ALLOWED.containsKey(name)) {
                    continue;
                }
                var match = WEB.matcher(Files.readString(file));
                if (match.find()) {
                    offenders.put(name, match.group().strip());
                }
            }
        }
        assertThat(offenders).as("services must throw org.credence.domain.DomainException and take typed commands, "
                + "not use Javalin or org.credence.http (move the HTTP part into a *Routes class)").isEmpty();
    }

    @Test
    void everyAllowedClassStillNeedsItsException() throws IOException {
        List<String> stale = ALLOWED.keySet().stream().filter(name -> {
            try {
                Path file = SOURCES.resolve(name);
                return !Files.exists(file) || !WEB.matcher(Files.readString(file)).find();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).sorted().toList();
        assertThat(stale).as("allow-list entries that no longer use the web layer: remove them").isEmpty();
    }

    private static boolean isWebLayer(String name) {
        String simple = name.substring(name.lastIndexOf('/') + 1);
        return name.startsWith("org/credence/http/") || simple.endsWith("Routes.java") || simple.contains("Page")
                || name.equals("org/credence/Credence.java");
    }
}
