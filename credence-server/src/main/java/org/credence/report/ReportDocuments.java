package org.credence.report;

import java.time.LocalDate;

/** The reports as files, for callers outside the web layer (the command line). */
public final class ReportDocuments {
    private ReportDocuments() {}

    /** The board report as a one-page PDF in {@code lang} ("en" or "nb"). */
    public static byte[] boardPdf(BoardReport report, String lang, LocalDate made) {
        return ReportPdf.render(report, "board", ReportText.of(lang), made);
    }
}
