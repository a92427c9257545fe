package org.credence.report;

/**
 * Builds one layer's section of a report from a service's typed results (never from JSON), so
 * each layer plugs into the board and weekly reports on its own.
 */
@FunctionalInterface
public interface SectionBuilder {
    BoardSection build(SectionRequest request);
}
