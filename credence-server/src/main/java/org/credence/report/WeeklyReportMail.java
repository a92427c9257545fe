package org.credence.report;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.credence.delivery.MailAttachments;
import org.credence.delivery.MailContent;
import org.credence.delivery.ReportMail;
import org.credence.i18n.Messages;

/** Renders a queued weekly report mail when it is sent: the words (the {@code mail} bundle) in the subscriber's language and the report as a PDF. */
public final class WeeklyReportMail implements ReportMail {
    private final BoardReports reports;
    private final URI publicUrl;
    private final Clock clock;

    public WeeklyReportMail(BoardReports reports, URI publicUrl, Clock clock) {
        this.reports = reports;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @Override
    public Optional<Rendered> render(long tenantId, String reference, String language) {
        IsoWeek week = IsoWeek.parse(reference);
        ReportText t = ReportText.of(language);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        BoardReport report = reports.weekly(tenantId, week, today);
        Map<String, String> values = Map.of("issuer", report.title(), "week", week.toString());
        Messages mail = Messages.of("mail", t.lang());
        MailContent content = new MailContent(t.lang(), mail.format("weekly_report.subject", values), mail.text("hello.anonymous"),
                mail.format("weekly_report.body", values), mail.text("weekly_report.action"),
                publicUrl + "/app/analytics" + (t.lang().equals("en") ? "" : "?lang=" + t.lang()), mail.format("weekly_report.after", values),
                List.of(), mail.format("footer", values));
        byte[] pdf = ReportPdf.render(report, "weekly", t, today);
        return Optional.of(new Rendered(content, List.of(new MailAttachments.Attachment("weekly-report-" + week + ".pdf", "application/pdf", pdf))));
    }
}
