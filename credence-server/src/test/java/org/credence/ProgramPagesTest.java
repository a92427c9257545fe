package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The program owner's achievement pages, previews and certificate designer over real HTTP: a form gives what the API
 * gives, every refusal is shown beside its field, roles and tenants are kept apart, previews store nothing, and a design
 * saved in the designer is what the designs API reads back.
 */
@Tag("integration")
class ProgramPagesTest {
    static final String PASSWORD = "a long enough passphrase";
    @TempDir
    static Path data;
    static ServerHarness server;
    static String acme;
    static String other;
    static String owner;
    static String viewer;
    static String analyst;
    static String otherOwner;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        acme = server.tenant("acme");
        other = server.tenant("other");
        server.user(acme, "owner@acme.example", "owner", PASSWORD);
        server.user(acme, "viewer@acme.example", "viewer", PASSWORD);
        server.user(acme, "analyst@acme.example", "analyst", PASSWORD);
        server.user(other, "owner@other.example", "owner", PASSWORD);
        owner = server.signIn("acme", "owner@acme.example", PASSWORD);
        viewer = server.signIn("acme", "viewer@acme.example", PASSWORD);
        analyst = server.signIn("acme", "analyst@acme.example", PASSWORD);
        otherOwner = server.signIn("other", "owner@other.example", PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Every field of the form, as a person would fill it in for the achievement {@link #API_BODY} describes. */
    static List<String> everyField(String csrf, String name) {
        return new ArrayList<>(List.of("csrf", csrf, "kind", "certification", "name", name, "description", "Passed the exam.",
                "criteria", "Pass the proctored exam.", "programUrl", "https://acme.example/program",
                "skill0.name", "Data governance", "skill0.url", "https://esco.example/1", "skill0.framework", "ESCO",
                "skill1.name", "", "skill1.url", "", "skill1.framework", "",
                "tags", "level:advanced, role:analyst", "validityDays", "730", "reminderDays", "60, 14", "feeAmount", "150",
                "feeCurrency", "eur", "passMark", "70", "hours", "7,50", "design", "modern", "image", "https://acme.example/badge.png"));
    }

    static final String API_BODY = """
            {"kind": "certification", "name": "%s", "description": "Passed the exam.", "criteria": "Pass the proctored exam.",
             "programUrl": "https://acme.example/program",
             "alignments": [{"targetName": "Data governance", "targetUrl": "https://esco.example/1", "targetFramework": "ESCO"}],
             "tags": ["level:advanced", "role:analyst"], "validityDays": 730, "passMark": 70, "hours": 7.5, "design": "modern",
             "image": "https://acme.example/badge.png"}""";

    @Test
    void an_achievement_created_with_the_form_is_the_one_the_api_creates_and_its_renewal_is_saved_too() {
        String csrf = csrf(page("/app/achievements/new", owner).body());
        var created = form("/app/achievements", owner, everyField(csrf, "Data steward"));
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/app/achievements/\\d+\\?notice=saved");
        long id = Long.parseLong(location.replaceAll("\\D+(\\d+).*", "$1"));

        JsonNode viaForm = server.send("GET", "/api/v1/achievements/" + id, acme, null).json();
        JsonNode viaApi = server.send("POST", "/api/v1/achievements", acme, API_BODY.formatted("Data steward")).json();
        ((ObjectNode) viaForm).remove("id");
        ((ObjectNode) viaApi).remove("id");
        assertThat(viaForm).isEqualTo(viaApi);

        JsonNode renewal = server.send("GET", "/api/v1/achievements/" + id + "/renewal", acme, null).json();
        assertThat(renewal.get("reminderDays").toString()).isEqualTo("[60,14]");
        assertThat(renewal.get("fee").get("amount").asText()).isEqualTo("150.00");
        assertThat(renewal.get("fee").get("currency").asText()).isEqualTo("EUR");

        String shown = page(location, owner).body();
        assertThat(shown).contains("Saved.", "value=\"Data steward\"", "value=\"Data governance\"", "value=\"level:advanced, role:analyst\"",
                "value=\"60, 14\"", "value=\"7.5\"", "/app/preview/certificate.png?achievement=" + id);
        assertThat(audits("achievement.create", "achievement:" + id)).isEqualTo(1);
        assertThat(audits("achievement.renewal", "achievement:" + id)).isEqualTo(1);
    }

    @Test
    void editing_with_the_form_replaces_the_achievement_as_a_put_does_and_is_audited() {
        long id = server.send("POST", "/api/v1/achievements", acme, API_BODY.formatted("Before")).json().get("id").asLong();
        String csrf = csrf(page("/app/achievements/" + id, owner).body());
        List<String> fields = everyField(csrf, "After the edit");
        fields.addAll(List.of("validityDays", ""));
        fields.set(fields.indexOf("validityDays") + 1, "");
        var saved = form("/app/achievements/" + id, owner, fields);
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        JsonNode after = server.send("GET", "/api/v1/achievements/" + id, acme, null).json();
        assertThat(after.get("name").asText()).isEqualTo("After the edit");
        assertThat(after.has("validityDays")).as("emptied: no expiry").isFalse();
        assertThat(audits("achievement.update", "achievement:" + id)).isEqualTo(1);
    }

    @Test
    void each_refused_field_is_named_beside_it_and_what_was_typed_is_kept() {
        String csrf = csrf(page("/app/achievements/new", owner).body());
        int before = count("SELECT count(*) FROM achievement");
        List<String[]> cases = List.of(new String[] {"validityDays", "soon", "validityDays must be a whole number"},
                new String[] {"name", "", "name is required"},
                new String[] {"programUrl", "ftp://acme.example", "programUrl must be an http(s) URL"},
                new String[] {"passMark", "101", "passMark is the lowest score"},
                new String[] {"skill0.url", "not a url", "alignments.targetUrl must be an http(s) URL"},
                new String[] {"design", "no-such-design", "design 'no-such-design' is neither built in"},
                new String[] {"feeCurrency", "", "fee must be"});
        for (String[] c : cases) {
            List<String> fields = everyField(csrf, "Refused");
            fields.set(fields.indexOf(c[0]) + 1, c[1]);
            var refused = form("/app/achievements", owner, fields);
            String group = c[0].startsWith("skill") ? "alignments" : c[0].startsWith("fee") ? "fee" : c[0];
            if (c[0].equals("feeCurrency")) {
                // the achievement is saved first; its renewal price is then refused on its own page
                assertThat(refused.status()).isEqualTo(422);
                assertThat(refused.body()).contains("id=\"fee-error\"").contains(c[2]);
                continue;
            }
            assertThat(refused.status()).as(c[0]).isEqualTo(422);
            assertThat(refused.body()).as(c[0]).contains("id=\"" + group + "-error\"").contains(c[2]).contains("value=\"Refused\"".replace("Refused",
                    c[0].equals("name") ? "" : "Refused"));
        }
        assertThat(count("SELECT count(*) FROM achievement")).as("only the last case saved an achievement").isEqualTo(before + 1);

        List<String> fields = everyField(csrf, "Refusert");
        fields.set(fields.indexOf("validityDays") + 1, "snart");
        fields.addAll(List.of("lang", "nb"));
        var norwegian = form("/app/achievements", owner, fields);
        assertThat(norwegian.status()).isEqualTo(422);
        assertThat(norwegian.body()).contains("Oppgi et helt antall dager fra 1 til 36500");
    }

    @Test
    void viewers_and_analysts_see_the_list_but_cannot_create_or_change_achievements() {
        long id = server.send("POST", "/api/v1/achievements", acme, API_BODY.formatted("Read only")).json().get("id").asLong();
        for (String cookie : List.of(viewer, analyst)) {
            var list = page("/app/achievements", cookie);
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body()).contains("Read only").doesNotContain("/app/achievements/new");
            assertThat(page("/app/achievements/new", cookie).status()).isEqualTo(403);
            String token = csrf(list.body());
            assertThat(form("/app/achievements", cookie, everyField(token, "Sneaky")).status()).isEqualTo(403);
            assertThat(form("/app/achievements/" + id, cookie, everyField(token, "Sneaky")).status()).isEqualTo(403);
            assertThat(page("/app/designs", cookie).status()).isEqualTo(403);
            var readOnly = page("/app/achievements/" + id, cookie);
            assertThat(readOnly.status()).isEqualTo(200);
            assertThat(readOnly.body()).contains("<fieldset disabled>").doesNotContain("enctype=\"multipart/form-data\"");
        }
        assertThat(server.send("GET", "/api/v1/achievements/" + id, acme, null).json().get("name").asText()).isEqualTo("Read only");
        assertThat(page("/app/achievements", null).status()).as("signed out: to the sign-in page").isEqualTo(303);
        assertThat(page("/app/achievements/" + id, otherOwner).status()).as("another tenant's achievement").isEqualTo(404);
    }

    @Test
    void previews_draw_draft_values_and_store_nothing() {
        long id = server.send("POST", "/api/v1/achievements", acme, API_BODY.formatted("Previewed")).json().get("id").asLong();
        String tables = "SELECT (SELECT count(*) FROM achievement) + (SELECT count(*) FROM credential_document)"
                + " + (SELECT count(*) FROM certificate_design) + (SELECT count(*) FROM audit_event)";
        int before = count(tables);
        String draft = "?title=" + enc("Førstehjelp for alle") + "&kind=diploma&design=minimal&name=" + enc("Zoë Ødegård")
                + "&issued=2026-03-12&grade=A&validityDays=365&lang=nb";
        var certificate = binary("/app/preview/certificate.png" + draft, owner);
        assertThat(certificate.statusCode()).isEqualTo(200);
        assertThat(certificate.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/png");
        assertThat(certificate.body()).startsWith(0x89, 'P', 'N', 'G');
        var other = binary("/app/preview/certificate.png?title=" + enc("Another name") + "&design=minimal&issued=2026-03-12", owner);
        assertThat(other.body()).as("the draft's values are drawn").isNotEqualTo(certificate.body());
        var stored = binary("/app/preview/certificate.png?achievement=" + id + "&name=" + enc("Kari Nordmann") + "&issued=2026-03-12&grade=B", owner);
        assertThat(stored.statusCode()).isEqualTo(200);
        var badge = page("/app/preview/badge.svg" + draft, owner);
        assertThat(badge.status()).isEqualTo(200);
        assertThat(badge.body()).contains("<svg", "Førstehjelp", "DIPLOMA");
        var share = binary("/app/preview/share.png" + draft, owner);
        assertThat(share.statusCode()).isEqualTo(200);
        assertThat(share.body()).startsWith(0x89, 'P', 'N', 'G');
        assertThat(binary("/app/preview/certificate.png" + draft, viewer).statusCode()).as("any staff member may preview").isEqualTo(200);
        assertThat(count(tables)).as("nothing stored, nothing audited").isEqualTo(before);

        assertThat(binary("/app/preview/certificate.png?achievement=" + id, otherOwner).statusCode()).as("another tenant's achievement").isEqualTo(404);
        assertThat(binary("/app/preview/certificate.png?issued=yesterday", owner).statusCode()).isEqualTo(422);
        assertThat(binary("/app/preview/certificate.png", null).statusCode()).isEqualTo(303);
    }

    @Test
    void a_design_saved_in_the_designer_reads_back_through_the_api_as_saved() throws Exception {
        String designer = page("/app/designs?design=classic", owner).body();
        assertThat(designer).contains("name=\"e6.x\"", "/app/preview/certificate.png?design=classic");
        JsonNode classic = ServerHarness.JSON.readTree(server.send("GET", "/api/v1/designs/classic", acme, null).body());
        List<String> fields = new ArrayList<>(List.of("csrf", csrf(designer), "base", "classic", "name", "autumn-courses", "action", "save",
                "orientation", "landscape", "background", "#fffdf7", "description", "Autumn courses"));
        for (int i = 0; i < classic.get("elements").size(); i++) {
            fields.addAll(List.of("e" + i + ".json", classic.get("elements").get(i).toString()));
        }
        // element 6 is the kind's title: moved (as a drag or the number inputs do) and given another font and colour
        fields.addAll(List.of("e6.x", "40", "e6.y", "25.3", "e6.w", "60", "e6.size", "36", "e6.font", "sans-bold", "e6.colour", "#114477",
                "e6.textEn", "{achievement.kind}", "e6.textNb", "{achievement.kind}", "e6.align", "center"));
        fields.addAll(List.of("e5.remove", "1"));
        var saved = form("/app/designs", owner, fields);
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).isEqualTo("/app/designs?design=autumn-courses&notice=saved");

        var read = server.send("GET", "/api/v1/designs/autumn-courses", acme, null);
        assertThat(read.status()).isEqualTo(200);
        ObjectNode expected = classic.deepCopy();
        expected.put("description", "Autumn courses");
        ObjectNode title = (ObjectNode) expected.withArray("elements").get(6);
        title.put("x", 0.4).put("y", 0.255).put("maxWidth", 0.6).put("size", 36.0).put("font", "sans-bold").put("colour", "#114477");
        expected.withArray("elements").remove(5);
        assertThat(ServerHarness.JSON.readTree(read.body())).isEqualTo(expected);
        assertThat(audits("design.create", "design:autumn-courses")).isEqualTo(1);

        String reopened = page("/app/designs?design=autumn-courses", owner).body();
        assertThat(reopened).contains("Autumn courses", "name=\"e5.x\" type=\"number\" step=\"any\" min=\"0\" max=\"100\" value=\"40\"",
                "value=\"autumn-courses\"");
        long achievement = server.send("POST", "/api/v1/achievements", acme, API_BODY.replace("\"modern\"", "\"autumn-courses\"")
                .formatted("Uses autumn")).json().get("id").asLong();
        assertThat(binary("/app/preview/certificate.png?achievement=" + achievement, owner).statusCode()).isEqualTo(200);

        assertThat(page("/app/designs?design=autumn-courses", otherOwner).status()).as("another tenant's design").isEqualTo(404);
        assertThat(page("/app/designs", otherOwner).body()).doesNotContain("design=autumn-courses", "value=\"autumn-courses\"");
        assertThat(server.send("GET", "/api/v1/designs/autumn-courses", other, null).status()).isEqualTo(404);
        assertThat(binary("/app/preview/certificate.png?design=autumn-courses", otherOwner).statusCode()).isEqualTo(422);
    }

    @Test
    void the_designer_adds_placeholders_and_signatories_previews_drafts_and_refuses_what_the_api_refuses() throws Exception {
        String designer = page("/app/designs?design=minimal", owner).body();
        String token = csrf(designer);
        JsonNode minimal = ServerHarness.JSON.readTree(server.send("GET", "/api/v1/designs/minimal", acme, null).body());
        List<String> base = new ArrayList<>(List.of("csrf", token, "base", "minimal", "orientation", "landscape", "background", ""));
        for (int i = 0; i < minimal.get("elements").size(); i++) {
            base.addAll(List.of("e" + i + ".json", minimal.get("elements").get(i).toString()));
        }
        List<String> grade = new ArrayList<>(base);
        grade.addAll(List.of("action", "add", "add", "grade"));
        var added = form("/app/designs", owner, grade);
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.body()).contains("Grade: {grade}", "src=\"data:image/png;base64,");
        List<String> signatory = new ArrayList<>(base);
        signatory.addAll(List.of("action", "add", "add", "signatory", "lang", "nb"));
        assertThat(form("/app/designs", owner, signatory).body()).contains("Navnet på den som signerer", "Tittel");

        List<String> preview = new ArrayList<>(base);
        preview.addAll(List.of("e0.x", "12.5"));
        var png = server.binary("POST", "/app/designs/preview.png", null, body(preview), "Content-Type", "application/x-www-form-urlencoded",
                "Cookie", "credence_session=" + owner);
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.body()).startsWith(0x89, 'P', 'N', 'G');

        List<String> builtIn = new ArrayList<>(base);
        builtIn.addAll(List.of("action", "save", "name", "classic"));
        var refused = form("/app/designs", owner, builtIn);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("is a built-in design; choose another name");
        List<String> badColour = new ArrayList<>(base);
        badColour.addAll(List.of("action", "save", "name", "bad-colour", "e2.colour", "blue"));
        var colour = form("/app/designs", owner, badColour);
        assertThat(colour.status()).isEqualTo(422);
        assertThat(colour.body()).contains("is not a colour");
        assertThat(server.send("GET", "/api/v1/designs/bad-colour", acme, null).status()).isEqualTo(404);
    }

    @Test
    void a_design_is_deleted_only_with_its_box_ticked_and_not_while_an_achievement_uses_it() throws Exception {
        assertThat(server.send("PUT", "/api/v1/designs/to-delete", acme, server.send("GET", "/api/v1/designs/minimal", acme, null).body()).status())
                .isEqualTo(201);
        String token = csrf(page("/app/designs?design=to-delete", owner).body());
        var unticked = form("/app/designs", owner, List.of("csrf", token, "base", "to-delete", "action", "delete"));
        assertThat(unticked.status()).isEqualTo(422);
        assertThat(server.send("GET", "/api/v1/designs/to-delete", acme, null).status()).isEqualTo(200);
        var deleted = form("/app/designs", owner, List.of("csrf", token, "base", "to-delete", "action", "delete", "confirm", "1"));
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(server.send("GET", "/api/v1/designs/to-delete", acme, null).status()).isEqualTo(404);
        assertThat(audits("design.delete", "design:to-delete")).isEqualTo(1);
    }

    @Test
    void a_badge_image_and_a_designs_background_are_uploaded_through_the_forms_cleaned_and_audited() throws Exception {
        long id = server.send("POST", "/api/v1/achievements", acme, API_BODY.formatted("With a badge")).json().get("id").asLong();
        String token = csrf(page("/app/achievements/" + id, owner).body());
        byte[] png = png(300, 200);
        var uploaded = multipart("/app/achievements/" + id + "/image", List.of("csrf", token), "file", "image/png", png);
        assertThat(uploaded.statusCode()).isEqualTo(303);
        assertThat(uploaded.headers().firstValue("Location").orElseThrow()).isEqualTo("/app/achievements/" + id + "?notice=image");
        var badge = server.binary("GET", "/api/v1/achievements/" + id + "/image", acme, null);
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(badge.body())).getWidth()).isEqualTo(300);
        assertThat(audits("achievement.image.set", "achievement:" + id)).isEqualTo(1);
        var notAnImage = multipart("/app/achievements/" + id + "/image", List.of("csrf", token), "file", "image/png",
                "not a png".getBytes(StandardCharsets.UTF_8));
        assertThat(notAnImage.statusCode()).isEqualTo(422);
        assertThat(new String(notAnImage.body(), StandardCharsets.UTF_8)).contains("id=\"file-error\"", "cannot be decoded");
        var removed = multipart("/app/achievements/" + id + "/image", List.of("csrf", token, "remove", "1"), "file", "image/png", new byte[0]);
        assertThat(removed.headers().firstValue("Location").orElseThrow()).endsWith("?notice=image_removed");

        JsonNode minimal = ServerHarness.JSON.readTree(server.send("GET", "/api/v1/designs/minimal", acme, null).body());
        List<String> fields = new ArrayList<>(List.of("csrf", token, "base", "minimal", "orientation", "landscape", "action", "add", "add", "background"));
        for (int i = 0; i < minimal.get("elements").size(); i++) {
            fields.addAll(List.of("e" + i + ".json", minimal.get("elements").get(i).toString()));
        }
        var added = multipart("/app/designs", fields, "newImage", "image/png", png(400, 280));
        String page = new String(added.body(), StandardCharsets.UTF_8);
        assertThat(added.statusCode()).as(page).isEqualTo(200);
        assertThat(page).contains("1. Image: The design&#39;s own image".replace("&#39;", "'"));
        Matcher json = Pattern.compile("name=\"e0.json\" value=\"([^\"]+)\"").matcher(page);
        assertThat(json.find()).isTrue();
        String background = json.group(1).replace("&#34;", "\"");
        assertThat(background).contains("\"source\":\"embedded\"", "\"width\":1");
    }

    @Test
    void two_signatories_each_get_their_own_signature_image_uploaded_through_the_designer_form() throws Exception {
        String token = csrf(page("/app/designs?design=minimal", owner).body());
        JsonNode minimal = ServerHarness.JSON.readTree(server.send("GET", "/api/v1/designs/minimal", acme, null).body());
        List<String> fields = new ArrayList<>(List.of("csrf", token, "base", "minimal", "orientation", "landscape", "action", "add", "add", "signatory"));
        int tenantSignature = -1;
        for (int i = 0; i < minimal.get("elements").size(); i++) {
            fields.addAll(List.of("e" + i + ".json", minimal.get("elements").get(i).toString()));
            tenantSignature = "signature".equals(minimal.get("elements").get(i).path("source").asText()) ? i : tenantSignature;
        }
        assertThat(tenantSignature).as("minimal has the tenant's signature").isNotNegative();
        // a signatory added with a file: its signature is the uploaded image, beside the first
        var added = multipart("/app/designs", fields, "newImage", "image/png", png(240, 80));
        String page = new String(added.body(), StandardCharsets.UTF_8);
        assertThat(added.statusCode()).as(page).isEqualTo(200);
        List<String> elements = new ArrayList<>();
        Matcher json = Pattern.compile("name=\"e(\\d+).json\" value=\"([^\"]+)\"").matcher(page);
        while (json.find()) {
            elements.add(json.group(2).replace("&#34;", "\"").replace("&quot;", "\"").replace("&amp;", "&"));
        }
        assertThat(elements).filteredOn(e -> e.contains("\"source\":\"embedded\"")).singleElement().asString().contains("\"x\":0.62");
        // the first signatory's image (the tenant's signature) is replaced by an upload in its own settings: no JSON editing
        List<String> save = new ArrayList<>(List.of("csrf", token, "base", "minimal", "orientation", "landscape", "action", "save", "name", "two-signatures"));
        for (int i = 0; i < elements.size(); i++) {
            save.addAll(List.of("e" + i + ".json", elements.get(i)));
        }
        var saved = multipart("/app/designs", save, "e" + tenantSignature + ".file", "image/png", png(220, 70));
        assertThat(saved.statusCode()).as(new String(saved.body(), StandardCharsets.UTF_8)).isEqualTo(303);
        JsonNode stored = ServerHarness.JSON.readTree(server.send("GET", "/api/v1/designs/two-signatures", acme, null).body());
        List<JsonNode> images = new ArrayList<>();
        stored.get("elements").forEach(e -> {
            if (e.path("type").asText().equals("image") && !e.path("source").asText().equals("logo")) {
                images.add(e);
            }
        });
        assertThat(images).hasSize(2).allMatch(e -> e.path("source").asText().equals("embedded") && !e.path("data").asText().isEmpty());
        assertThat(images.get(0).path("data").asText()).isNotEqualTo(images.get(1).path("data").asText());
    }

    static HttpResponse<byte[]> multipart(String path, List<String> fields, String fileField, String type, byte[] file) {
        String boundary = "----credence" + System.nanoTime();
        var out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < fields.size(); i += 2) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields.get(i) + "\"\r\n\r\n" + fields.get(i + 1) + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"upload\"\r\nContent-Type: "
                + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return server.binary("POST", path, null, out.toByteArray(), "Content-Type", "multipart/form-data; boundary=" + boundary,
                "Cookie", "credence_session=" + owner);
    }

    static byte[] png(int width, int height) throws java.io.IOException {
        var image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new java.awt.Color(0x1f3a5f));
        g.fillRect(0, 0, width, height / 2);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static ServerHarness.Response form(String path, String cookie, List<String> fields) {
        return server.form(path, cookie, fields.toArray(String[]::new));
    }

    static ServerHarness.Response page(String path, String cookie) {
        return server.page(path, cookie);
    }

    static HttpResponse<byte[]> binary(String path, String cookie) {
        return server.binary("GET", path, null, null, "Cookie", cookie == null ? null : "credence_session=" + cookie);
    }

    static byte[] body(List<String> fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.size(); i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(fields.get(i)).append('=').append(enc(fields.get(i + 1)));
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a form with a CSRF token").isTrue();
        return m.group(1);
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static int audits(String action, String subject) {
        return server.credence.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM audit_event WHERE action = :action AND subject = :subject")
                .bind("action", action).bind("subject", subject).mapTo(Integer.class).one());
    }

    static int count(String sql) {
        return server.credence.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }
}
