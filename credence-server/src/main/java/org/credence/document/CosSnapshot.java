package org.credence.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * A PDF object and everything it refers to, taken out of the document that made it as plain
 * immutable data (streams keep their encoded bytes), so it can be put into any number of later
 * documents, from any thread, without drawing, compressing or subsetting it again. Used for
 * what every certificate of a design repeats: the fixed layer and the branding images.
 * The object graph must be a tree (a form's or an image's resources are), not a page with parents.
 */
sealed interface CosSnapshot {
    /** A new copy of the object in {@code doc}. */
    COSBase copyInto(PDDocument doc);

    /** About how many bytes it holds, for bounding caches by memory. */
    long weight();

    /** Takes the object and all it refers to. */
    static CosSnapshot of(COSBase object) {
        COSBase resolved = object instanceof COSObject indirect ? indirect.getObject() : object;
        if (resolved instanceof COSStream stream) {
            try (InputStream raw = stream.createRawInputStream()) {
                return new Stream(entries(stream), raw.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (resolved instanceof COSDictionary dictionary) {
            return new Dictionary(entries(dictionary));
        }
        if (resolved instanceof COSArray array) {
            List<CosSnapshot> items = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                items.add(of(array.get(i)));
            }
            return new Array(List.copyOf(items));
        }
        if (resolved instanceof COSString string) {
            return new Text(string.getBytes());
        }
        // names, numbers, booleans and null: PDFBox itself shares these between documents
        return new Value(resolved);
    }

    private static Map<COSName, CosSnapshot> entries(COSDictionary dictionary) {
        Map<COSName, CosSnapshot> entries = new LinkedHashMap<>();
        for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
            // a stream's length is written afresh with its bytes
            if (!(dictionary instanceof COSStream && entry.getKey().equals(COSName.LENGTH))) {
                entries.put(entry.getKey(), of(entry.getValue()));
            }
        }
        return entries;
    }

    private static void fill(COSDictionary target, Map<COSName, CosSnapshot> entries, PDDocument doc) {
        entries.forEach((name, value) -> target.setItem(name, value.copyInto(doc)));
    }

    /** A stream: its dictionary and its bytes as stored (still encoded). */
    record Stream(Map<COSName, CosSnapshot> entries, byte[] encoded) implements CosSnapshot {
        @Override
        public COSBase copyInto(PDDocument doc) {
            COSStream stream = doc.getDocument().createCOSStream();
            fill(stream, entries, doc);
            try (OutputStream out = stream.createRawOutputStream()) {
                out.write(encoded);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return stream;
        }

        @Override
        public long weight() {
            return encoded.length + Dictionary.weight(entries);
        }
    }

    record Dictionary(Map<COSName, CosSnapshot> entries) implements CosSnapshot {
        @Override
        public COSBase copyInto(PDDocument doc) {
            COSDictionary dictionary = new COSDictionary();
            fill(dictionary, entries, doc);
            return dictionary;
        }

        @Override
        public long weight() {
            return weight(entries);
        }

        static long weight(Map<COSName, CosSnapshot> entries) {
            return entries.values().stream().mapToLong(value -> 16 + value.weight()).sum();
        }
    }

    record Array(List<CosSnapshot> items) implements CosSnapshot {
        @Override
        public COSBase copyInto(PDDocument doc) {
            COSArray array = new COSArray();
            items.forEach(item -> array.add(item.copyInto(doc)));
            return array;
        }

        @Override
        public long weight() {
            return items.stream().mapToLong(item -> 8 + item.weight()).sum();
        }
    }

    /** A string, copied because PDFBox's strings can be changed in place. */
    record Text(byte[] bytes) implements CosSnapshot {
        @Override
        public COSBase copyInto(PDDocument doc) {
            return new COSString(bytes);
        }

        @Override
        public long weight() {
            return bytes.length;
        }
    }

    record Value(COSBase value) implements CosSnapshot {
        @Override
        public COSBase copyInto(PDDocument doc) {
            return value;
        }

        @Override
        public long weight() {
            return 16;
        }
    }
}
