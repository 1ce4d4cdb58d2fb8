package io.xsell.reporting.summary;

import io.xsell.core.metrics.Window;

/** Windows as people read them: both days included. */
public final class Periods {
    private Periods() {
    }

    public static String label(Window window) {
        return window.from() + " to " + window.to().minusDays(1);
    }
}
