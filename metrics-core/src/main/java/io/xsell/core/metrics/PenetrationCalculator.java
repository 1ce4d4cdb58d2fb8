package io.xsell.core.metrics;

import io.xsell.core.mrr.Decimals;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.mrr.ProductLineRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Line penetration and products per customer on one day. */
public final class PenetrationCalculator {
    private static final int DISTRIBUTION_BUCKETS = 4;

    private PenetrationCalculator() {
    }

    public static PenetrationReport on(MrrLedger ledger, LocalDate date) {
        int day = Math.toIntExact(date.toEpochDay());
        int lineCount = ledger.lines().size();
        // counts[0..lineCount) holders per line, then 4 distribution buckets, then active customers
        long[] counts = IntStream.range(0, ledger.customerCount()).parallel().collect(
                () -> new long[lineCount + DISTRIBUTION_BUCKETS + 1],
                (acc, c) -> {
                    BigDecimal[] held = ledger.timeline(c).mrrByLineOn(day);
                    int lines = 0;
                    for (int line = 0; line < lineCount; line++) {
                        if (held[line].signum() > 0) {
                            acc[line]++;
                            lines++;
                        }
                    }
                    if (lines > 0) {
                        acc[lineCount + Math.min(lines, DISTRIBUTION_BUCKETS) - 1]++;
                        acc[lineCount + DISTRIBUTION_BUCKETS]++;
                    }
                },
                (a, b) -> Arrays.setAll(a, i -> a[i] + b[i]));
        long active = counts[lineCount + DISTRIBUTION_BUCKETS];
        long linesHeld = 0;
        List<PenetrationReport.LinePenetration> lines = new ArrayList<>(lineCount);
        for (ProductLineRef line : ledger.lines()) {
            long holders = counts[line.index()];
            linesHeld += holders;
            lines.add(new PenetrationReport.LinePenetration(line.name(), line.kind(), holders,
                    Decimals.percent(holders, active)));
        }
        lines.sort(Comparator.comparingLong(PenetrationReport.LinePenetration::holders).reversed()
                .thenComparing(PenetrationReport.LinePenetration::productLine));
        List<Long> distribution = new ArrayList<>();
        for (int b = 0; b < DISTRIBUTION_BUCKETS; b++) {
            distribution.add(counts[lineCount + b]);
        }
        return new PenetrationReport(date, active, lines, Decimals.ratio(linesHeld, active), distribution);
    }
}
