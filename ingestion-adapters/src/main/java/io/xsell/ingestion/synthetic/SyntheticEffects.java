package io.xsell.ingestion.synthetic;

/**
 * Which relationships the generator builds into an account. {@link #REALISTIC} is the demo's:
 * adoption depends on segment and industry, churn on segment and plan, usage on the lines held.
 * {@link #none()} is a null world: every customer has the same monthly chance to adopt each line,
 * to churn and to drop a line, and its usage and campaign touches are drawn independently of its
 * lines, so any group difference the analytics find in it is noise. A planted effect on top of a
 * null world lets a test check that a real difference is found.
 *
 * @param independent           adoption, churn, usage and touches independent of everything
 * @param attachedChurnFactor  multiplies the monthly churn chance of customers once they have
 *                              cross-sold a line (1 = no effect; 0.5 = attached customers churn at half the rate)
 */
public record SyntheticEffects(boolean independent, double attachedChurnFactor) {
    public static final SyntheticEffects REALISTIC = new SyntheticEffects(false, 1);

    public SyntheticEffects {
        if (!(attachedChurnFactor >= 0 && attachedChurnFactor <= 10)) {
            throw new IllegalArgumentException("attachedChurnFactor must be between 0 and 10, was " + attachedChurnFactor);
        }
    }

    /** A null world: no relationship between anything. */
    public static SyntheticEffects none() {
        return new SyntheticEffects(true, 1);
    }

    /** These effects with customers holding two or more lines churning {@code factor} times as often. */
    public SyntheticEffects withAttachedChurnFactor(double factor) {
        return new SyntheticEffects(independent, factor);
    }
}
