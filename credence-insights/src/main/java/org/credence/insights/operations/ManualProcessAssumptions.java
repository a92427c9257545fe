package org.credence.insights.operations;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import org.credence.insights.Provenance;
import org.credence.insights.marketing.Assumption;

/**
 * The manual-process assumptions in force: Credence's documented defaults until someone sets
 * their own; an achievement's edit beats its tenant's, and a later edit an earlier one.
 *
 * @param currency the hourly rate's currency
 */
public record ManualProcessAssumptions(Currency currency, Assumption minutesPerCertificate, Assumption hourlyRate) {
    /** Default: 10 minutes to fill in, export, check and mail one PDF certificate by hand. */
    public static final BigDecimal DEFAULT_MINUTES = BigDecimal.TEN;
    /** Default: 40 an hour of loaded administrative staff time. */
    public static final BigDecimal DEFAULT_HOURLY_RATE = BigDecimal.valueOf(40);

    /** One stored edit. */
    public record Override(ManualProcessParameter parameter, BigDecimal value, Provenance provenance) {
        public Override {
            if (parameter == null || value == null || value.signum() < 0 || provenance == null) {
                throw new IllegalArgumentException("an override needs a parameter, a value of 0 or more and its provenance");
            }
        }
    }

    private static final Comparator<Override> APPLY_ORDER = Comparator.comparing(Override::provenance, Provenance.APPLY_ORDER);

    /** Credence's defaults, labelled as defaults. */
    public static ManualProcessAssumptions defaults(Currency currency) {
        return new ManualProcessAssumptions(currency,
                new Assumption(DEFAULT_MINUTES, ManualProcessParameter.MINUTES_PER_CERTIFICATE.unit(currency), Provenance.builtIn(
                        "Default until you set your own: 10 minutes to fill in a template, export the PDF, check it and mail it. "
                                + "Time your own process.")),
                new Assumption(DEFAULT_HOURLY_RATE, ManualProcessParameter.HOURLY_RATE.unit(currency), Provenance.builtIn(
                        "Default until you set your own: 40 an hour of loaded administrative staff time, taken as 40 "
                                + currency.getCurrencyCode() + " without conversion. Use your own loaded rate.")));
    }

    /** The assumption of one parameter. */
    public Assumption of(ManualProcessParameter parameter) {
        return parameter == ManualProcessParameter.HOURLY_RATE ? hourlyRate : minutesPerCertificate;
    }

    /** A copy with {@code overrides} applied, widest scope first, then oldest first. */
    public ManualProcessAssumptions applying(Collection<Override> overrides) {
        ManualProcessAssumptions result = this;
        for (Override o : overrides.stream().sorted(APPLY_ORDER).toList()) {
            Assumption assumption = new Assumption(o.value(), o.parameter().unit(currency), o.provenance());
            result = o.parameter() == ManualProcessParameter.HOURLY_RATE
                    ? new ManualProcessAssumptions(currency, result.minutesPerCertificate, assumption)
                    : new ManualProcessAssumptions(currency, assumption, result.hourlyRate);
        }
        return result;
    }

    /** Whether a value is still Credence's default rather than someone's setting. */
    public static boolean isDefault(Assumption assumption) {
        return Provenance.BUILT_IN_AUTHOR.equals(assumption.provenance().setBy());
    }
}
