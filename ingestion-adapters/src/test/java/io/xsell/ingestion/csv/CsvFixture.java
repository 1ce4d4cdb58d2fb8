package io.xsell.ingestion.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A small valid import (reporting currency USD, one EUR item and charge covered by fx_rates.csv) that
 * tests copy and break one cell at a time. Line numbers the tests rely on: every file has its header
 * on line 1 and its rows from line 2 in the order listed here.
 */
final class CsvFixture {
    static final String CUSTOMERS = """
            customer_id,name,created_at,segment,country
            c1,Acme,2023-01-15,smb,DE
            c2,Globex,,enterprise,
            """;
    static final String PRODUCTS = """
            product_id,name,product_line,kind,gross_margin
            core-m,Core monthly,core,core,0.8
            core-y,Core yearly,core,core,0.75
            crm,CRM,,,
            """;
    // Columns deliberately not in the order of the format description.
    static final String ITEMS = """
            item_id,subscription_id,customer_id,product_id,start_date,end_date,unit_amount,quantity,currency,interval,interval_count,discount_percent,discount_amount,trial_end,bundle_id
            i1,s1,c1,core-m,2024-01-01,2024-03-01,49.90,,USD,month,,,,,
            i2,s1,c1,core-y,2024-03-01,,499,2,USD,year,1,10,,,
            i3,s2,c2,crm,2024-02-01,,20,1,EUR,month,3,,5,2024-02-15,b1
            """;
    static final String CHARGES = """
            charge_id,customer_id,product_id,date,amount,currency,description
            ch1,c1,core-m,2024-01-01,100,USD,Setup
            ch2,c2,,2024-02-10,-15.50,EUR,Credit
            """;
    static final String FX_RATES = """
            date,currency,rate
            2024-01-01,EUR,1.10
            """;

    private final Map<String, String> files = new LinkedHashMap<>();

    private CsvFixture() {
        files.put("customers.csv", CUSTOMERS);
        files.put("products.csv", PRODUCTS);
        files.put("subscription_items.csv", ITEMS);
        files.put("one_time_charges.csv", CHARGES);
        files.put("fx_rates.csv", FX_RATES);
    }

    static CsvFixture valid() {
        return new CsvFixture();
    }

    CsvFixture with(String file, String content) {
        files.put(file, content);
        return this;
    }

    CsvFixture without(String file) {
        files.remove(file);
        return this;
    }

    /** Replaces text that must occur in the file, so a typo in a test cannot leave the fixture valid. */
    CsvFixture replace(String file, String target, String replacement) {
        String content = files.get(file);
        assertThat(content).as("fixture %s", file).contains(target);
        files.put(file, content.replace(target, replacement));
        return this;
    }

    Path writeTo(Path dir) {
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files as zip entries named {@code prefix + file name}; prefix "" for the root. */
    byte[] zip(String prefix) {
        return zipOf(entries(prefix));
    }

    /** File contents keyed by {@code prefix + file name}, to mix with other zip entries. */
    Map<String, String> entries(String prefix) {
        Map<String, String> entries = new LinkedHashMap<>();
        files.forEach((name, content) -> entries.put(prefix + name, content));
        return entries;
    }

    static byte[] zipOf(Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
