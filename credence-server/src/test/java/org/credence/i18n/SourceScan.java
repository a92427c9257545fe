package org.credence.i18n;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reading the main sources for what the language tests check: the files, and a call's top-level arguments. */
final class SourceScan {
    private static final Path JAVA = Path.of("src/main/java");

    private SourceScan() {}

    /** Every {@code .java} file of the server's main sources. */
    static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(JAVA)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    /** The top-level arguments, as written, of the call whose opening parenthesis ends at {@code from} in {@code source}. */
    static List<String> arguments(String source, int from) {
        List<String> arguments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (inString) {
                current.append(c);
                if (c == '\\') {
                    current.append(source.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    arguments.add(current.toString());
                    return arguments;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                arguments.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        throw new IllegalStateException("a call not closed before the end of the file");
    }
}
