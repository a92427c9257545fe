package org.credence.insights;

/**
 * A formula by name and in words.
 *
 * @param name       a short stable name ("proportion", "equivalent media value")
 * @param expression the formula as a reader sees it: "credentials shared ÷ credentials issued"
 */
public record Formula(String name, String expression) {

    public Formula {
        if (name == null || name.isBlank() || expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("a formula needs a name and an expression");
        }
    }
}
