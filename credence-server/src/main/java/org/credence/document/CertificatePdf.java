package org.credence.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * The signed credential inside a certificate PDF: attached as {@code credential.json}
 * (PDF/A-3 style: an associated file with {@code AFRelationship /Data}), so the PDF itself can be
 * verified wherever it travels, and read back out for verification.
 */
public final class CertificatePdf {
    /** The attachment's name. */
    public static final String ATTACHMENT = "credential.json";
    private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private CertificatePdf() {}

    /** True when the bytes start like a PDF file. */
    public static boolean looksLikePdf(byte[] bytes) {
        return bytes.length >= MAGIC.length && java.util.Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /**
     * The credential JSON attached to a certificate PDF, byte for byte as issued.
     *
     * @throws IllegalArgumentException when the bytes are not a readable PDF or carry no credential
     */
    public static byte[] extractCredential(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
            PDEmbeddedFilesNameTreeNode files = names == null ? null : names.getEmbeddedFiles();
            Map<String, PDComplexFileSpecification> attached = files == null ? null : files.getNames();
            PDComplexFileSpecification spec = attached == null ? null : attached.get(ATTACHMENT);
            if (spec == null || spec.getEmbeddedFile() == null) {
                throw new IllegalArgumentException("this PDF carries no attached " + ATTACHMENT + " to verify");
            }
            return spec.getEmbeddedFile().toByteArray();
        } catch (IOException e) {
            throw new IllegalArgumentException("this PDF cannot be read: " + e.getMessage(), e);
        }
    }

    /** Attaches the credential; no dates but the issuance time, so the bytes repeat. */
    static void attach(PDDocument doc, String credentialJson, Instant issuedAt) {
        try {
            byte[] json = credentialJson.getBytes(StandardCharsets.UTF_8);
            PDEmbeddedFile file = new PDEmbeddedFile(doc, new ByteArrayInputStream(json), COSName.FLATE_DECODE);
            file.setSubtype("application/ld+json");
            file.setSize(json.length);
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile(ATTACHMENT);
            spec.setFileUnicode(ATTACHMENT);
            spec.setEmbeddedFile(file);
            spec.setEmbeddedFileUnicode(file);
            spec.setFileDescription("The signed credential (Open Badges 3.0), issued " + issuedAt);
            spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Data");
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of(ATTACHMENT, spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
            COSArray associated = new COSArray();
            associated.add(spec);
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("AF"), associated);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
