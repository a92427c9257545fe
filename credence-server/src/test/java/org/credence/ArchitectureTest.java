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

    /** Code (not a comment line) naming a Jackson tree type: JsonNode, ObjectNode, ArrayNode and the rest of databind.node. */
    private static final Pattern JSON_TREE = Pattern.compile("^(?!\\s*(\\*|//|/\\*)).*\\bcom\\.fasterxml\\.jackson\\.databind\\.(JsonNode\\b|node\\.)",
            Pattern.MULTILINE);

    private static final String AUDIT = "builds the before/after snapshot the audit trail stores as JSON";
    private static final String DOCUMENT = "a W3C credential, presentation, DID or transparency-log document is JSON by nature";
    private static final String CLI = "the command line is a client of the HTTP API: it sends and reads the API's JSON";
    private static final String UPLOAD = "parses an uploaded JSON file: JSON is its input format";
    private static final String DEBT = "still writes an API answer as a tree (a static json() or an ObjectNode answer): to move into a *Json class";

    /** Services answer with typed records; what still builds or reads Jackson trees outside the web and *Json classes, each with why. */
    private static final Map<String, String> JSON_TREES_ALLOWED = Map.ofEntries(
            Map.entry("org/credence/json/JsonFields.java", "the shared JSON helpers themselves"),
            Map.entry("org/credence/audit/AuditTrail.java", "stores each change's before and after as JSON (jsonb) and lists them"),
            Map.entry("org/credence/audit/AuditChain.java", "hashes the audit rows' stored JSON into the tamper-evident chain"),
            Map.entry("org/credence/manage/CredentialDetails.java", "reads the audit trail's stored JSON snapshots of a credential"),
            Map.entry("org/credence/achievement/Achievements.java", AUDIT),
            Map.entry("org/credence/badge/AchievementImages.java", AUDIT),
            Map.entry("org/credence/survey/Surveys.java", AUDIT),
            Map.entry("org/credence/user/Logins.java", AUDIT),
            Map.entry("org/credence/analytics/SupportTickets.java", AUDIT),
            Map.entry("org/credence/integration/OutcomeImports.java", AUDIT + ", and the per-row errors of an import"),
            Map.entry("org/credence/integration/OutcomePeople.java", AUDIT),
            Map.entry("org/credence/integration/CourseAchievements.java", AUDIT),
            Map.entry("org/credence/issuance/Issuance.java", DOCUMENT + " (the credential it signs)"),
            Map.entry("org/credence/issuance/IssuedCredential.java", DOCUMENT),
            Map.entry("org/credence/issuance/Idempotency.java", "hashes the request body in canonical JSON form"),
            Map.entry("org/credence/credential/ShareLinks.java", DOCUMENT + " (reads the issuer and achievement from it)"),
            Map.entry("org/credence/document/Certificates.java", DOCUMENT + " (reads the achievement from it)"),
            Map.entry("org/credence/delivery/CredentialCard.java", DOCUMENT),
            Map.entry("org/credence/lifecycle/StatusLists.java", DOCUMENT + " (the signed status list credential)"),
            Map.entry("org/credence/tenant/Tenants.java", DOCUMENT + " (the did:web document); " + DEBT),
            Map.entry("org/credence/transparency/TransparencyLog.java", DOCUMENT),
            Map.entry("org/credence/transparency/LogAudit.java", DOCUMENT),
            Map.entry("org/credence/vcapi/VcApiIssuer.java", DOCUMENT + " (the VC API takes and answers JSON-LD)"),
            Map.entry("org/credence/vcapi/CredentialRules.java", DOCUMENT),
            Map.entry("org/credence/vcapi/KnownDigests.java", DOCUMENT),
            Map.entry("org/credence/vcapi/PresentationVerifier.java", DOCUMENT),
            Map.entry("org/credence/verification/LocalResolvers.java", DOCUMENT),
            Map.entry("org/credence/verification/ServerVerification.java", DOCUMENT + " (the transparency-log proof beside a report)"),
            Map.entry("org/credence/bulk/BulkFile.java", UPLOAD),
            Map.entry("org/credence/bulk/ResultCsv.java", "reads a job row's stored custom fields (jsonb)"),
            Map.entry("org/credence/integration/OutcomeFile.java", UPLOAD),
            Map.entry("org/credence/document/DesignParser.java", UPLOAD + " (a certificate design)"),
            Map.entry("org/credence/cli/ApiKeyCommand.java", CLI),
            Map.entry("org/credence/cli/IssueCommand.java", CLI),
            Map.entry("org/credence/cli/ServerClient.java", CLI),
            Map.entry("org/credence/cli/SignCommand.java", CLI + "; signs a credential document"),
            Map.entry("org/credence/cli/VerifyCommand.java", CLI),
            Map.entry("org/credence/analytics/Readable.java", "formats figures of the API's JSON that the ROI and operations pages still pass "
                    + "(DashboardPage.figureViews); the engagement and outcome answers are records"),
            Map.entry("org/credence/analytics/DashboardTables.java", "names figures of the API's JSON for DashboardPage.figureViews, as Readable"),
            Map.entry("org/credence/delivery/Delivery.java", DEBT + " (the delivery history)"),
            Map.entry("org/credence/pathway/Pathways.java", DEBT),
            Map.entry("org/credence/tenant/ApiKeys.java", DEBT + "; " + AUDIT),
            Map.entry("org/credence/user/User.java", DEBT));

    @Test
    void servicesAnswerWithRecordsNotJacksonTrees() throws IOException {
        Map<String, String> offenders = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = SOURCES.relativize(file).toString().replace('\\', '/');
                if (isWebLayer(name) || name.endsWith("Json.java") || JSON_TREES_ALLOWED.containsKey(name)) {
                    continue;
                }
                var match = JSON_TREE.matcher(Files.readString(file));
                if (match.find()) {
                    offenders.put(name, match.group().strip());
                }
            }
        }
        assertThat(offenders).as("a service answers with typed records (see OutcomeAnswers, EngagementAnswers); the JSON is written by a *Json "
                + "or *Routes class").isEmpty();
    }

    @Test
    void everyClassAllowedJacksonTreesStillUsesThem() throws IOException {
        List<String> stale = new java.util.ArrayList<>();
        for (String name : JSON_TREES_ALLOWED.keySet()) {
            Path file = SOURCES.resolve(name);
            if (!Files.exists(file) || !JSON_TREE.matcher(Files.readString(file)).find()) {
                stale.add(name);
            }
        }
        assertThat(stale).as("allow-list entries that no longer use Jackson trees: remove them").isEmpty();
    }

    private static boolean isWebLayer(String name) {
        String simple = name.substring(name.lastIndexOf('/') + 1);
        return name.startsWith("org/credence/http/") || simple.endsWith("Routes.java") || simple.contains("Page")
                || name.equals("org/credence/Credence.java");
    }
}
