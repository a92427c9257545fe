package org.credence.standards.baking;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.credence.standards.baking.BakedPayload.Format;

/** Bakes OB 3.0 credentials into PNGs and reads OB 3.0 or OB 2.0 payloads back out. */
final class PngBadge {

    static final String OB3_KEYWORD = "openbadgecredential";
    static final String OB2_KEYWORD = "openbadges";
    private static final Set<String> BAKED_KEYWORDS = Set.of(OB3_KEYWORD, OB2_KEYWORD);

    private PngBadge() {
    }

    /** Drops any earlier OB 2.0 or 3.0 payload so the image carries exactly one credential. */
    static byte[] bake(byte[] png, String credential) {
        byte[] text = BakingLimits.credentialAsUtf8(credential);
        List<PngChunk> baked = new ArrayList<>();
        boolean inserted = false;
        for (PngChunk chunk : PngFile.chunksOf(png)) {
            if (!inserted && chunk.is("IDAT")) {
                baked.add(TextChunk.of(OB3_KEYWORD, text));
                inserted = true;
            }
            if (!isBakedPayload(chunk)) {
                baked.add(chunk);
            }
        }
        return PngFile.bytesOf(baked);
    }

    static Optional<BakedPayload> read(byte[] png) {
        List<PngChunk> chunks = PngFile.chunksOf(png);
        return textFor(OB3_KEYWORD, chunks).map(text -> BakedPayload.of(Format.OB3_PNG, text))
                .or(() -> textFor(OB2_KEYWORD, chunks).map(text -> BakedPayload.of(Format.OB2_PNG, text)));
    }

    private static boolean isBakedPayload(PngChunk chunk) {
        return TextChunk.keywordOf(chunk).filter(BAKED_KEYWORDS::contains).isPresent();
    }

    private static Optional<String> textFor(String keyword, List<PngChunk> chunks) {
        List<PngChunk> matching = chunks.stream()
                .filter(chunk -> TextChunk.keywordOf(chunk).filter(keyword::equals).isPresent())
                .toList();
        if (matching.size() > 1) {
            // Two credentials in one image is ambiguous; a verifier must not pick one silently.
            throw new BakingException("PNG contains more than one " + keyword + " chunk");
        }
        return matching.stream().findFirst().map(chunk -> TextChunk.textOf(chunk, keyword));
    }
}
