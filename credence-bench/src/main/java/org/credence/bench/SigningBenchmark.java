package org.credence.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.credence.standards.dataintegrity.EddsaRdfc2022;
import org.credence.standards.jsonld.BundledContexts;
import org.credence.standards.jsonld.ShapeTemplateCanonicalizer;
import org.credence.standards.jsonld.TitaniumCanonicalizer;
import org.credence.standards.keys.Ed25519KeyPair;
import org.credence.standards.keys.Ed25519PublicKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * eddsa-rdfc-2022 signing and verifying of realistic Open Badges 3.0 credentials: the titanium
 * reference pipeline against the shape-template canonicalizer, with raw Ed25519 as the ceiling.
 *
 * <p>Every invocation takes the next of {@value #CREDENTIALS} distinct credentials (different id,
 * recipient name, email hash, salt, status index), so no canonicalizer can win by remembering
 * one document's result. The verify benchmarks verify distinct credentials signed in
 * {@code @Setup} by the reference pipeline.
 *
 * <p>The {@code timestamps} parameter sets {@code validFrom} and the proof's {@code created}:
 * {@code distinct} gives each credential its own second, as when credentials are issued one
 * at a time (the realistic case); {@code shared} gives all of them the same second, as in one
 * bulk batch. Everything else still differs per credential in both cases.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class SigningBenchmark {
    /** How many distinct credentials each benchmark cycles through. A power of two. */
    public static final int CREDENTIALS = 1024;
    static final String ISSUER = "did:web:badges.northfield.example";
    static final String VERIFICATION_METHOD = ISSUER + "#key-1";
    static final Instant BASE_TIME = Instant.parse("2025-03-01T09:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] GIVEN = {"Ada", "Bjørn", "Chiara", "Dmitri", "Esther", "Farid", "Grace", "Hiroshi",
            "Ines", "José", "Kwame", "Leilani", "Mei", "Nadia", "Olusegun", "Priya"};
    private static final String[] FAMILY = {"Okafor", "Lindqvist", "Rossi", "Ivanov", "Cohen", "Haddad", "Hopper", "Tanaka",
            "Moreau", "García", "Mensah", "Kahale", "Chen", "Petrova", "Adeyemi", "Raman"};

    /** The signing key, derived from a fixed seed so every run signs with the same key. */
    static Ed25519KeyPair key() {
        byte[] seed = new byte[32];
        new Random(20250301L).nextBytes(seed);
        return Ed25519KeyPair.fromSeed(seed);
    }

    /** {@link #CREDENTIALS} distinct unsigned credentials of one realistic shape, from a seeded generator. */
    static ObjectNode[] credentials(long seed, Instant[] issued) {
        Random random = new Random(seed);
        ObjectNode[] credentials = new ObjectNode[CREDENTIALS];
        for (int i = 0; i < CREDENTIALS; i++) {
            credentials[i] = credential(issued[i], random);
        }
        return credentials;
    }

    /** When each credential is issued (its validFrom and its proof's created), per the {@code timestamps} parameter. */
    static Instant[] issued(String timestamps) {
        Instant[] issued = new Instant[CREDENTIALS];
        for (int i = 0; i < CREDENTIALS; i++) {
            issued[i] = switch (timestamps) {
                case "distinct" -> BASE_TIME.plusSeconds(i * 97L);
                case "shared" -> BASE_TIME;
                default -> throw new IllegalArgumentException("timestamps is distinct or shared, not " + timestamps);
            };
        }
        return issued;
    }

    /** One Open Badges 3.0 AchievementCredential as an issuer would produce it. */
    static ObjectNode credential(Instant issued, Random random) {
        String recipient = GIVEN[random.nextInt(GIVEN.length)] + " " + FAMILY[random.nextInt(FAMILY.length)];
        String email = recipient.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "." + random.nextInt(100_000) + "@student.example";
        byte[] saltBytes = new byte[8];
        random.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        String uuid = new java.util.UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L).toString();
        int statusIndex = random.nextInt(131_072);

        ObjectNode credential = JSON.createObjectNode();
        credential.putArray("@context").add(BundledContexts.CREDENTIALS_V2).add(BundledContexts.OB_V3P0);
        credential.put("id", "urn:uuid:" + uuid);
        credential.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
        ObjectNode issuer = credential.putObject("issuer");
        issuer.put("id", ISSUER);
        issuer.putArray("type").add("Profile");
        issuer.put("name", "Northfield Community College");
        issuer.put("url", "https://www.northfield.example");
        issuer.put("email", "registrar@northfield.example");
        credential.put("validFrom", issued.toString());
        credential.put("name", "Data Analysis Fundamentals");

        ObjectNode subject = credential.putObject("credentialSubject");
        subject.putArray("type").add("AchievementSubject");
        subject.put("name", recipient);
        ObjectNode identity = subject.putArray("identifier").addObject();
        identity.put("type", "IdentityObject");
        identity.put("identityType", "emailAddress");
        identity.put("hashed", true);
        identity.put("identityHash", "sha256$" + sha256Hex(email + salt));
        identity.put("salt", salt);

        ObjectNode achievement = subject.putObject("achievement");
        achievement.put("id", "https://badges.northfield.example/achievements/data-analysis-fundamentals");
        achievement.putArray("type").add("Achievement");
        achievement.put("achievementType", "Certificate");
        achievement.put("name", "Data Analysis Fundamentals");
        achievement.put("description", "Awarded to learners who clean, summarise and visualise a real data set and "
                + "defend their conclusions in a short written report.");
        achievement.putObject("criteria").put("narrative", "Complete the six course modules, pass the final assessment "
                + "with at least 70%, and submit a capstone analysis reviewed by an instructor.");
        ObjectNode alignment = achievement.putArray("alignment").addObject();
        alignment.putArray("type").add("Alignment");
        alignment.put("targetName", "Analyse data to inform decisions");
        alignment.put("targetUrl", "https://frameworks.example.org/digital-skills/analyse-data");
        alignment.put("targetDescription", "Uses appropriate methods to analyse data and draws valid conclusions.");
        alignment.put("targetFramework", "Example Digital Skills Framework");
        alignment.put("targetCode", "DS-ANA-03");
        alignment.put("targetType", "CFItem");

        ObjectNode status = credential.putObject("credentialStatus");
        String list = "https://badges.northfield.example/status/revocation/" + (1 + statusIndex / 16_384);
        status.put("id", list + "#" + statusIndex);
        status.put("type", "BitstringStatusListEntry");
        status.put("statusPurpose", "revocation");
        status.put("statusListIndex", Integer.toString(statusIndex));
        status.put("statusListCredential", list);
        return credential;
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Distinct unsigned credentials, the key, and the two cryptosuite instances. */
    @State(Scope.Benchmark)
    public static class Unsigned {
        @Param({"distinct", "shared"})
        public String timestamps;
        ObjectNode[] credentials;
        Instant[] created;
        Ed25519KeyPair key;
        EddsaRdfc2022 baseline;
        EddsaRdfc2022 fast;
        ShapeTemplateCanonicalizer fastCanonicalizer;

        @Setup(Level.Trial)
        public void setUp() {
            created = issued(timestamps);
            credentials = credentials(42L, created);
            key = key();
            baseline = new EddsaRdfc2022(new TitaniumCanonicalizer());
            fastCanonicalizer = new ShapeTemplateCanonicalizer();
            fast = new EddsaRdfc2022(fastCanonicalizer);
            // sanity: both pipelines must sign identically (Ed25519 is deterministic), or the comparison means nothing
            for (int i = 0; i < CREDENTIALS; i += 97) {
                ObjectNode a = baseline.sign(credentials[i], key, VERIFICATION_METHOD, created[i]);
                ObjectNode b = fast.sign(credentials[i], key, VERIFICATION_METHOD, created[i]);
                if (!a.equals(b)) {
                    throw new IllegalStateException("fast and baseline signatures differ for credential " + i);
                }
            }
        }

        @TearDown(Level.Trial)
        public void report() {
            // a handful means the shape cache worked; one per credential would mean every call fell back to expansion
            System.out.println("shape templates cached by the fast canonicalizer: " + fastCanonicalizer.cachedTemplates());
        }
    }

    /** Distinct credentials signed (by the reference pipeline) before the measurement. */
    @State(Scope.Benchmark)
    public static class Signed {
        @Param({"distinct", "shared"})
        public String timestamps;
        ObjectNode[] credentials;
        JsonNode[] proofs;
        Ed25519PublicKey publicKey;
        EddsaRdfc2022 baseline;
        EddsaRdfc2022 fast;
        ShapeTemplateCanonicalizer fastCanonicalizer;

        @Setup(Level.Trial)
        public void setUp() {
            Instant[] issued = issued(timestamps);
            ObjectNode[] unsigned = credentials(4242L, issued);
            Ed25519KeyPair key = key();
            publicKey = key.publicKey();
            baseline = new EddsaRdfc2022(new TitaniumCanonicalizer());
            fastCanonicalizer = new ShapeTemplateCanonicalizer();
            fast = new EddsaRdfc2022(fastCanonicalizer);
            credentials = new ObjectNode[CREDENTIALS];
            proofs = new JsonNode[CREDENTIALS];
            for (int i = 0; i < CREDENTIALS; i++) {
                credentials[i] = baseline.sign(unsigned[i], key, VERIFICATION_METHOD, issued[i]);
                proofs[i] = credentials[i].get("proof").get(0);
            }
            // sanity: a tampered credential must fail on both paths, so verify is not a no-op
            ObjectNode tampered = credentials[0].deepCopy();
            ((ObjectNode) tampered.get("credentialSubject")).put("name", "Mallory");
            for (EddsaRdfc2022 suite : new EddsaRdfc2022[] {baseline, fast}) {
                try {
                    suite.verify(tampered, tampered.get("proof").get(0), publicKey);
                    throw new IllegalStateException("a tampered credential verified");
                } catch (org.credence.standards.dataintegrity.ProofException expected) {
                    // as it should
                }
            }
        }

        @TearDown(Level.Trial)
        public void report() {
            System.out.println("shape templates cached by the fast canonicalizer: " + fastCanonicalizer.cachedTemplates());
        }
    }

    /** 64-byte messages (the size eddsa-rdfc-2022 signs: two SHA-256 hashes) and their signatures. */
    @State(Scope.Benchmark)
    public static class Raw {
        byte[][] messages;
        byte[][] signatures;
        Ed25519KeyPair key;
        Ed25519PublicKey publicKey;

        @Setup(Level.Trial)
        public void setUp() {
            Random random = new Random(7L);
            key = key();
            publicKey = key.publicKey();
            messages = new byte[CREDENTIALS][64];
            signatures = new byte[CREDENTIALS][];
            for (int i = 0; i < CREDENTIALS; i++) {
                random.nextBytes(messages[i]);
                signatures[i] = key.sign(messages[i]);
            }
        }
    }

    /** The next credential to use; one per benchmark thread. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int advance() {
            int i = next;
            next = (i + 1) & (CREDENTIALS - 1);
            return i;
        }
    }

    @Benchmark
    public byte[] rawEd25519Sign(Raw raw, Cursor cursor) {
        return raw.key.sign(raw.messages[cursor.advance()]);
    }

    @Benchmark
    public boolean rawEd25519Verify(Raw raw, Cursor cursor) {
        int i = cursor.advance();
        boolean valid = raw.publicKey.verify(raw.messages[i], raw.signatures[i]);
        if (!valid) {
            throw new IllegalStateException("signature " + i + " did not verify");
        }
        return valid;
    }

    @Benchmark
    public ObjectNode baselineSign(Unsigned state, Cursor cursor) {
        int i = cursor.advance();
        return state.baseline.sign(state.credentials[i], state.key, VERIFICATION_METHOD, state.created[i]);
    }

    @Benchmark
    public ObjectNode fastSign(Unsigned state, Cursor cursor) {
        int i = cursor.advance();
        return state.fast.sign(state.credentials[i], state.key, VERIFICATION_METHOD, state.created[i]);
    }

    @Benchmark
    public ObjectNode baselineVerify(Signed state, Cursor cursor) {
        int i = cursor.advance();
        state.baseline.verify(state.credentials[i], state.proofs[i], state.publicKey); // throws ProofException when invalid
        return state.credentials[i];
    }

    @Benchmark
    public ObjectNode fastVerify(Signed state, Cursor cursor) {
        int i = cursor.advance();
        state.fast.verify(state.credentials[i], state.proofs[i], state.publicKey); // throws ProofException when invalid
        return state.credentials[i];
    }
}
