package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.credence.standards.baking.BakedBadge;
import org.credence.standards.baking.BakedPayload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Branding API, image uploads, baked badges and share images, over HTTP on the embedded PostgreSQL. */
@Tag("integration")
class BadgeAndBrandingTest {
    @TempDir
    static Path data;
    static ServerHarness server;
    static String acme;
    static String globex;
    static long achievement;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        acme = server.tenant("acme-badges");
        globex = server.tenant("globex-badges");
        achievement = server.achievement(acme);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Bytes(int status, byte[] body, java.net.http.HttpHeaders headers) {
        JsonNode json() throws Exception {
            return ServerHarness.JSON.readTree(body);
        }
    }

    static Bytes bytes(String method, String path, String key, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<byte[]> response = server.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Bytes(response.statusCode(), response.body(), response.headers());
    }

    static String issue(String key, long achievementId, String name, String email) {
        var issued = server.send("POST", "/api/v1/credentials", key,
                "{\"achievementId\": " + achievementId + ", \"recipient\": {\"name\": \"" + name + "\", \"email\": \"" + email + "\"}}");
        assertThat(issued.status()).as(issued.body()).isIn(200, 201);
        return issued.json().get("number").asText();
    }

    static byte[] png(int width, int height, Color colour) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillOval(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static BufferedImage decode(byte[] bytes) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    /** A PNG whose header claims {@code side}×{@code side} pixels, followed by a few bytes of nothing: a bomb's fuse. */
    static byte[] pngClaiming(int side) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(side).putInt(side).put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void branding_round_trips_and_each_invalid_field_is_named() throws Exception {
        String key = server.tenant("branding-round-trip");
        var defaults = server.send("GET", "/api/v1/branding", key, null);
        assertThat(defaults.status()).isEqualTo(200);
        assertThat(defaults.json().get("pageSize").asText()).isEqualTo("A4");
        assertThat(defaults.json().get("logo").isNull()).isTrue();

        var put = server.send("PUT", "/api/v1/branding", key,
                "{\"pageSize\": \"Letter\", \"primaryColour\": \"#0A7E3D\", \"accentColour\": \"#ffcc00\", \"linkedinOrganizationId\": \"1337\"}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        var read = server.send("GET", "/api/v1/branding", key, null).json();
        assertThat(read.get("pageSize").asText()).isEqualTo("Letter");
        assertThat(read.get("primaryColour").asText()).isEqualTo("#0a7e3d");
        assertThat(read.get("accentColour").asText()).isEqualTo("#ffcc00");
        assertThat(read.get("linkedinOrganizationId").asText()).isEqualTo("1337");

        for (String[] bad : new String[][] {{"pageSize", "\"A3\""}, {"primaryColour", "\"green\""}, {"accentColour", "\"#12345\""},
                {"linkedinOrganizationId", "\"acme-inc\""}, {"colour", "\"#000000\""}}) {
            var refused = server.send("PUT", "/api/v1/branding", key, "{\"" + bad[0] + "\": " + bad[1] + "}");
            assertThat(refused.status()).as(bad[0]).isEqualTo(422);
            assertThat(refused.json().get("field").asText()).isEqualTo(bad[0]);
        }
        assertThat(server.send("GET", "/api/v1/branding", key, null).json()).isEqualTo(read);
        var audit = server.send("GET", "/api/v1/audit", key, null).json().get("items");
        assertThat(audit.findValuesAsText("action")).contains("branding.update");
    }

    @Test
    void logo_uploads_are_checked_and_stored_as_clean_pngs() throws Exception {
        String key = server.tenant("logo-checks");
        Bytes ok = bytes("PUT", "/api/v1/branding/logo", key, png(300, 100, Color.RED), "Content-Type", "image/png");
        assertThat(ok.status()).as(new String(ok.body())).isEqualTo(200);
        assertThat(ok.json().get("logo").get("contentType").asText()).isEqualTo("image/png");
        Bytes stored = bytes("GET", "/api/v1/branding/logo", key, null);
        assertThat(decode(stored.body()).getWidth()).isEqualTo(300);

        // a JPEG with a comment is re-encoded as PNG: the metadata does not survive
        BufferedImage rgb = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(rgb, "jpeg", jpeg);
        byte[] withComment = jpeg.toByteArray();
        ByteArrayOutputStream tagged = new ByteArrayOutputStream();
        tagged.write(withComment, 0, 2);
        tagged.write(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 17});
        tagged.writeBytes("SECRET-GPS-DATA".getBytes(StandardCharsets.US_ASCII));
        tagged.write(withComment, 2, withComment.length - 2);
        Bytes signature = bytes("PUT", "/api/v1/branding/signature", key, tagged.toByteArray(), "Content-Type", "image/jpeg");
        assertThat(signature.status()).as(new String(signature.body())).isEqualTo(200);
        byte[] storedSignature = bytes("GET", "/api/v1/branding/signature", key, null).body();
        assertThat(new String(storedSignature, StandardCharsets.ISO_8859_1)).doesNotContain("SECRET-GPS-DATA").startsWith("\u0089PNG");

        Bytes broken = bytes("PUT", "/api/v1/branding/logo", key, java.util.Arrays.copyOf(png(300, 100, Color.RED), 60), "Content-Type", "image/png");
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.json().get("detail").asText()).contains("this PNG cannot be decoded");
        Bytes notPng = bytes("PUT", "/api/v1/branding/logo", key, "hello".getBytes(), "Content-Type", "image/png");
        assertThat(notPng.status()).isEqualTo(422);

        Bytes huge = bytes("PUT", "/api/v1/branding/logo", key, pngClaiming(100_000), "Content-Type", "image/png");
        assertThat(huge.status()).isEqualTo(422);
        assertThat(huge.json().get("detail").asText()).contains("100000×100000");
        BufferedImage bomb = new BufferedImage(6000, 6000, BufferedImage.TYPE_BYTE_BINARY); // a few kB on the wire, 144 MB as ARGB
        ByteArrayOutputStream bombBytes = new ByteArrayOutputStream();
        ImageIO.write(bomb, "png", bombBytes);
        assertThat(bombBytes.size()).isLessThan(100_000);
        assertThat(bytes("PUT", "/api/v1/branding/logo", key, bombBytes.toByteArray(), "Content-Type", "image/png").status()).isEqualTo(422);

        // over the 1 MB image limit but under the 2 MB body limit: the route reads it all and refuses it itself
        Bytes overLimit = bytes("PUT", "/api/v1/branding/logo", key, new byte[1536 * 1024], "Content-Type", "image/png");
        assertThat(overLimit.status()).isEqualTo(413);
        // the route's own limit, not the server's 2 MB one, which would leave the uploader guessing why 1.5 MB is too much
        assertThat(overLimit.json().get("detail").asText()).isEqualTo("images are limited to 1 MB; this one is 1536 kB");
        assertThat(bytes("PUT", "/api/v1/branding/logo", key, "GIF89a".getBytes(), "Content-Type", "image/gif").status()).isEqualTo(415);
        assertThat(bytes("PUT", "/api/v1/branding/logo", key, "<svg/>".getBytes(), "Content-Type", "image/svg+xml").status()).isEqualTo(415);

        assertThat(bytes("DELETE", "/api/v1/branding/logo", key, null).status()).isEqualTo(200);
        assertThat(bytes("GET", "/api/v1/branding/logo", key, null).status()).isEqualTo(404);
        var audit = server.send("GET", "/api/v1/audit", key, null).json().get("items");
        assertThat(audit.findValuesAsText("action")).contains("branding.logo.set", "branding.signature.set", "branding.logo.delete");
    }

    @Test
    void baked_png_and_svg_badges_carry_the_credential_and_verify() throws Exception {
        String number = issue(acme, achievement, "Åse Ødegård", "ase@example.org");
        for (String format : new String[] {"png", "svg"}) {
            Bytes badge = bytes("GET", "/c/" + number + "/badge." + format, null, null);
            assertThat(badge.status()).isEqualTo(200);
            assertThat(badge.headers().firstValue("Content-Type").orElse("")).startsWith(format.equals("png") ? "image/png" : "image/svg+xml");
            BakedPayload payload = BakedBadge.read(badge.body()).orElseThrow();
            assertThat(payload.format().name()).isEqualTo(format.equals("png") ? "OB3_PNG" : "OB3_SVG");
            assertThat(ServerHarness.JSON.readTree(payload.content()).at("/credentialSubject/achievement/name").asText()).isEqualTo("Certified Data Steward");

            var report = server.sendBytes("POST", "/api/v1/verify", null, badge.body(), "Content-Type", format.equals("png") ? "image/png" : "image/svg+xml");
            assertThat(report.json().get("status").asText()).as(report.body()).isEqualTo("valid");

            Bytes again = bytes("GET", "/c/" + number + "/badge." + format, null, null);
            assertThat(again.body()).isEqualTo(badge.body());
            String etag = badge.headers().firstValue("ETag").orElseThrow();
            assertThat(bytes("GET", "/c/" + number + "/badge." + format, null, null, "If-None-Match", etag).status()).isEqualTo(304);
            assertThat(bytes("GET", "/c/" + number + "/badge." + format + "?download=1", null, null).headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"" + number + "-badge." + format + "\"");
        }
        assertThat(decode(bytes("GET", "/c/" + number + "/badge.png", null, null).body()).getWidth()).isEqualTo(600);
    }

    @Test
    void an_uploaded_badge_is_used_and_an_svg_with_script_is_cleaned() throws Exception {
        long own = server.achievement(acme);
        String before = issue(acme, own, "Before Upload", "before@example.org");
        byte[] firstBadge = bytes("GET", "/c/" + before + "/badge.png", null, null).body();

        Bytes uploaded = bytes("PUT", "/api/v1/achievements/" + own + "/image", acme, png(2000, 2000, Color.MAGENTA), "Content-Type", "image/png");
        assertThat(uploaded.status()).as(new String(uploaded.body())).isEqualTo(200);
        byte[] badge = bytes("GET", "/c/" + before + "/badge.png", null, null).body();
        assertThat(badge).as("stored badges are drawn again after an upload").isNotEqualTo(firstBadge);
        BufferedImage pixels = decode(badge);
        assertThat(pixels.getWidth()).as("large uploads are scaled to 1024").isEqualTo(1024);
        assertThat(new Color(pixels.getRGB(512, 512))).isEqualTo(Color.MAGENTA);
        assertThat(BakedBadge.read(badge)).isPresent();

        String svg = """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)">
                  <script>alert(document.cookie)</script><circle cx="5" cy="5" r="5" fill="teal"/>
                  <image href="https://tracker.example/p.png"/></svg>""";
        Bytes cleaned = bytes("PUT", "/api/v1/achievements/" + own + "/image", acme, svg.getBytes(StandardCharsets.UTF_8), "Content-Type", "image/svg+xml");
        assertThat(cleaned.status()).isEqualTo(200);
        assertThat(cleaned.json().get("png").asBoolean()).isTrue();
        assertThat(cleaned.json().get("removed").toString()).contains("element <script>", "event handler", "external reference");
        Bytes servedSvg = bytes("GET", "/c/" + before + "/badge.svg", null, null);
        String text = new String(servedSvg.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("fill=\"teal\"").doesNotContain("<script", "alert", "onload", "tracker.example");
        assertThat(servedSvg.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(p -> assertThat(p).contains("default-src 'none'"));
        assertThat(server.sendBytes("POST", "/api/v1/verify", null, servedSvg.body(), "Content-Type", "image/svg+xml").json().get("status").asText())
                .isEqualTo("valid");

        Bytes doctype = bytes("PUT", "/api/v1/achievements/" + own + "/image", acme,
                "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>".getBytes(),
                "Content-Type", "image/svg+xml");
        assertThat(doctype.status()).isEqualTo(422);
        assertThat(bytes("PUT", "/api/v1/achievements/" + own + "/image", acme, "x".getBytes(), "Content-Type", "text/plain").status()).isEqualTo(415);

        assertThat(bytes("DELETE", "/api/v1/achievements/" + own + "/image", acme, null).status()).isEqualTo(204);
        assertThat(decode(bytes("GET", "/api/v1/achievements/" + own + "/image", acme, null).body()).getWidth()).isEqualTo(600);
        var audit = server.send("GET", "/api/v1/audit", acme, null).json().get("items");
        assertThat(audit.findValuesAsText("action")).contains("achievement.image.set", "achievement.image.delete");
    }

    @Test
    void the_share_image_is_1200_by_627_and_stored() throws Exception {
        String number = issue(acme, achievement, "محمد عبد الله 👩🏽‍💻 <b>Lee</b>", "share@example.org");
        Bytes share = bytes("GET", "/c/" + number + "/share.png", null, null);
        assertThat(share.status()).isEqualTo(200);
        BufferedImage image = decode(share.body());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(627);
        assertThat(bytes("GET", "/c/" + number + "/share.png", null, null).body()).isEqualTo(share.body());
        assertThat(share.headers().firstValue("ETag")).isPresent();
    }

    @Test
    void private_and_unknown_credentials_have_no_images() throws Exception {
        String number = issue(acme, achievement, "Private Person", "private@example.org");
        server.credence.jdbi().useHandle(h -> h.createUpdate("UPDATE credential SET visibility = 'private' WHERE number = :number")
                .bind("number", number).execute());
        for (String file : new String[] {"badge.png", "badge.svg", "share.png"}) {
            assertThat(bytes("GET", "/c/" + number + "/" + file, null, null).status()).as(file).isEqualTo(404);
            assertThat(bytes("GET", "/c/CRD-0000-0000-00/" + file, null, null).status()).as(file).isEqualTo(404);
        }
    }

    @Test
    void another_tenant_can_neither_read_nor_change_branding_or_achievement_images() throws Exception {
        server.send("PUT", "/api/v1/branding", acme, "{\"primaryColour\": \"#aa0000\"}");
        assertThat(server.send("GET", "/api/v1/branding", globex, null).json().get("primaryColour").asText()).isNotEqualTo("#aa0000");
        server.send("PUT", "/api/v1/branding", globex, "{\"primaryColour\": \"#00aa00\"}");
        assertThat(server.send("GET", "/api/v1/branding", acme, null).json().get("primaryColour").asText()).isEqualTo("#aa0000");
        bytes("PUT", "/api/v1/branding/logo", acme, png(40, 40, Color.BLUE), "Content-Type", "image/png");
        assertThat(bytes("GET", "/api/v1/branding/logo", globex, null).status()).isEqualTo(404);

        String path = "/api/v1/achievements/" + achievement + "/image";
        assertThat(bytes("GET", path, globex, null).status()).isEqualTo(404);
        assertThat(bytes("PUT", path, globex, png(40, 40, Color.BLUE), "Content-Type", "image/png").status()).isEqualTo(404);
        assertThat(bytes("DELETE", path, globex, null).status()).isEqualTo(404);
        assertThat(bytes("GET", path, acme, null).status()).isEqualTo(200);
        assertThat(bytes("GET", "/api/v1/branding", null, null).status()).isEqualTo(401);
        assertThat(bytes("GET", "/api/v1/branding", ServerHarness.ADMIN_KEY, null).status()).isEqualTo(403);
    }
}
