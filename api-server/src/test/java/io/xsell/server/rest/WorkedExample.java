package io.xsell.server.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's worked example as canonical CSV, the same files as {@code ReportCommandTest}'s: 88
 * customers paying 10,000 a month on the core line (880,000 MRR, half {@code smb}, half
 * {@code enterprise}), then in 2025 cross-sells of 42,000 of product B (one of them sold in a
 * bundle), 28,000 of product C and 19,000 of an add-on.
 */
final class WorkedExample {
    static final String FROM = "2025-01-01";
    static final String TO = "2026-01-01";

    private WorkedExample() {
    }

    /** The canonical files, name to content. */
    static Map<String, String> files() {
        List<String> customers = new ArrayList<>(List.of("customer_id,name,segment"));
        List<String> items = new ArrayList<>(List.of(
                "item_id,customer_id,product_id,start_date,end_date,unit_amount,quantity,currency,interval,bundle_id"));
        for (int i = 0; i < 88; i++) {
            customers.add("c" + i + ",Customer " + i + "," + (i < 44 ? "smb" : "enterprise"));
            items.add("core" + i + ",c" + i + ",core,2024-01-01,,120000,,USD,year,");
        }
        items.add("b1,c0,B,2025-03-01,,21000,,USD,month,");
        items.add("b2,c50,B,2025-07-01,,7000,3,USD,month,suite");
        items.add("c1,c2,C,2025-05-01,,84000,,USD,quarter,");
        items.add("a1,c3,addon,2025-02-01,,9500,,USD,month,");
        items.add("a2,c60,addon,2025-11-30,,9500,,USD,month,");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("customers.csv", lines(customers));
        files.put("products.csv", lines(List.of("product_id,name,product_line,kind",
                "core,Core platform,core,core", "B,Product B,product_b,module", "C,Product C,product_c,module",
                "addon,Add-on,add_on,add_on")));
        files.put("subscription_items.csv", lines(items));
        return files;
    }

    /**
     * The example after a change at the source: customer c87 and its core item are gone, and so are
     * both product B items. Starting MRR 870,000; the cohort cross-sells 28,000 + 19,000 = 47,000.
     */
    static Map<String, String> changedFiles() {
        Map<String, String> files = files();
        files.put("customers.csv", withoutLinesStartingWith(files.get("customers.csv"), "c87,"));
        files.put("subscription_items.csv",
                withoutLinesStartingWith(files.get("subscription_items.csv"), "core87,", "b1,", "b2,"));
        return files;
    }

    static byte[] zip() {
        return Zips.zip(files());
    }

    /** Writes {@code files} into {@code dir}, for the {@code report} command. */
    static Path writeTo(Path dir, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static String withoutLinesStartingWith(String csv, String... prefixes) {
        List<String> kept = new ArrayList<>();
        int removed = 0;
        for (String line : csv.split("\n")) {
            boolean drop = false;
            for (String prefix : prefixes) {
                drop |= line.startsWith(prefix);
            }
            if (drop) {
                removed++;
            } else {
                kept.add(line);
            }
        }
        if (removed != prefixes.length) {
            throw new IllegalStateException("expected to remove " + prefixes.length + " lines, removed " + removed);
        }
        return lines(kept);
    }

    private static String lines(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }
}
