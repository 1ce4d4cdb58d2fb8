package io.xsell.ingestion.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per kind of bad input: each names the file, line, column and quotes what is wrong. */
class ImportValidationTest {
    private static final String CUSTOMERS = "customers.csv";
    private static final String PRODUCTS = "products.csv";
    private static final String ITEMS = "subscription_items.csv";
    private static final String CHARGES = "one_time_charges.csv";
    private static final String FX = "fx_rates.csv";

    private final CanonicalCsvImporter importer = new CanonicalCsvImporter();

    @TempDir
    Path dir;

    @Test
    void missingRequiredFile() {
        assertOnlyError(CsvFixture.valid().without(PRODUCTS), PRODUCTS, 0, null, "required file products.csv is missing");
    }

    @Test
    void missingRequiredColumn() {
        CsvFixture fixture = CsvFixture.valid().replace(ITEMS, ",interval,", ",period,");

        assertOnlyError(fixture, ITEMS, 1, "interval", "required column 'interval' is missing");
    }

    @Test
    void requiredCellEmpty() {
        CsvFixture fixture = CsvFixture.valid().replace(ITEMS, ",499,", ",,");

        assertOnlyError(fixture, ITEMS, 3, "unit_amount", "unit_amount is required");
    }

    @Test
    void badDate() {
        CsvFixture fixture = CsvFixture.valid().replace(CUSTOMERS, "2023-01-15", "15/01/2023");

        assertOnlyError(fixture, CUSTOMERS, 2, "created_at", "'15/01/2023' is not a valid date; expected YYYY-MM-DD");
    }

    @Test
    void badNumber() {
        CsvFixture fixture = CsvFixture.valid().replace(ITEMS, ",49.90,", ",\"49,90\",");

        assertOnlyError(fixture, ITEMS, 2, "unit_amount", "'49,90' is not a number");
    }

    @Test
    void badKind() {
        CsvFixture fixture = CsvFixture.valid().replace(PRODUCTS, "crm,CRM,,,", "crm,CRM,,premium,");

        assertOnlyError(fixture, PRODUCTS, 4, "kind", "'premium' is not a product kind (core, module, add_on)");
    }

    @Test
    void badInterval() {
        CsvFixture fixture = CsvFixture.valid().replace(ITEMS, "USD,year,", "USD,yearly,");

        assertOnlyError(fixture, ITEMS, 3, "interval", "'yearly' is not a billing interval (day, week, month, quarter, year)");
    }

    @Test
    void negativeUnitAmount() {
        CsvFixture fixture = CsvFixture.valid().replace(ITEMS, ",499,", ",-499,");

        assertOnlyError(fixture, ITEMS, 3, "unit_amount", "unit_amount must be >= 0, was -499");
    }

    @Test
    void quantityNotPositive() {
        CsvFixture fixture = CsvFixture.valid().replace(ITEMS, ",499,2,", ",499,0,");

        assertOnlyError(fixture, ITEMS, 3, "quantity", "quantity must be > 0, was 0");
    }

    @Test
    void intervalCountNotAWholeNumberOfAtLeastOne() {
        CsvFixture fixture = CsvFixture.valid().replace(ITEMS, "EUR,month,3,", "EUR,month,1.5,");

        assertOnlyError(fixture, ITEMS, 4, "interval_count", "interval_count must be a whole number >= 1, was '1.5'");
    }

    @Test
    void discountPercentOutOfRange() {
        CsvFixture fixture = CsvFixture.valid().replace(ITEMS, "year,1,10,", "year,1,150,");

        assertOnlyError(fixture, ITEMS, 3, "discount_percent", "discount_percent must be between 0 and 100, was 150");
    }

    @Test
    void negativeDiscountAmount() {
        CsvFixture fixture = CsvFixture.valid().replace(ITEMS, ",5,2024-02-15,", ",-5,2024-02-15,");

        assertOnlyError(fixture, ITEMS, 4, "discount_amount", "discount_amount must be >= 0, was -5");
    }

    @Test
    void grossMarginOutOfRange() {
        CsvFixture fixture = CsvFixture.valid().replace(PRODUCTS, ",0.75", ",75");

        assertOnlyError(fixture, PRODUCTS, 3, "gross_margin", "gross_margin must be between 0 and 1, was 75");
    }

    @Test
    void fxRateNotPositive() {
        CsvFixture fixture = CsvFixture.valid()
                .with(FX, "date,currency,rate\n2023-01-01,EUR,1.05\n2024-01-01,EUR,0\n");

        assertOnlyError(fixture, FX, 3, "rate", "rate must be > 0, was 0");
    }

    @Test
    void endDateNotAfterStartDate() {
        CsvFixture fixture = CsvFixture.valid().replace(ITEMS, "2024-01-01,2024-03-01", "2024-01-01,2024-01-01");

        assertOnlyError(fixture, ITEMS, 2, "end_date", "end_date 2024-01-01 must be after start_date 2024-01-01");
    }

    @Test
    void invalidCurrencyCode() {
        CsvFixture fixture = CsvFixture.valid().replace(CHARGES, "100,USD,", "100,USX,");

        assertOnlyError(fixture, CHARGES, 2, "currency", "'USX' is not an ISO 4217 currency code");
    }

    @Test
    void duplicateCustomerId() {
        CsvFixture fixture = CsvFixture.valid().replace(CUSTOMERS, "c2,Globex", "c1,Globex");

        List<ImportError> errors = errorsOf(fixture, "USD");

        // The items and the charge of c2 now point at a customer that does not exist.
        assertThat(errors).first().satisfies(error ->
                assertError(error, CUSTOMERS, 3, "customer_id", "duplicate customer_id 'c1' (first on line 2)"));
    }

    @Test
    void duplicateProductId() {
        CsvFixture fixture = CsvFixture.valid().replace(PRODUCTS, "core-y,Core yearly", "core-m,Core yearly");

        List<ImportError> errors = errorsOf(fixture, "USD");

        assertThat(errors).first().satisfies(error ->
                assertError(error, PRODUCTS, 3, "product_id", "duplicate product_id 'core-m' (first on line 2)"));
    }

    @Test
    void duplicateItemId() {
        CsvFixture fixture = CsvFixture.valid().replace(ITEMS, "i3,s2", "i1,s2");

        assertOnlyError(fixture, ITEMS, 4, "item_id", "duplicate item_id 'i1' (first on line 2)");
    }

    @Test
    void duplicateChargeId() {
        CsvFixture fixture = CsvFixture.valid().replace(CHARGES, "ch2,", "ch1,");

        assertOnlyError(fixture, CHARGES, 3, "charge_id", "duplicate charge_id 'ch1' (first on line 2)");
    }

    @Test
    void unknownCustomerInItems() {
        CsvFixture fixture = CsvFixture.valid().replace(ITEMS, "i2,s1,c1,", "i2,s1,c9,");

        assertOnlyError(fixture, ITEMS, 3, "customer_id", "unknown customer_id 'c9' (not in customers.csv)");
    }

    @Test
    void unknownProductInItems() {
        CsvFixture fixture = CsvFixture.valid().replace(ITEMS, ",c2,crm,", ",c2,erp,");

        assertOnlyError(fixture, ITEMS, 4, "product_id", "unknown product_id 'erp' (not in products.csv)");
    }

    @Test
    void unknownCustomerInCharges() {
        CsvFixture fixture = CsvFixture.valid().replace(CHARGES, "ch2,c2,", "ch2,c7,");

        assertOnlyError(fixture, CHARGES, 3, "customer_id", "unknown customer_id 'c7' (not in customers.csv)");
    }

    @Test
    void unknownProductInCharges() {
        CsvFixture fixture = CsvFixture.valid().replace(CHARGES, "ch1,c1,core-m,", "ch1,c1,core-x,");

        assertOnlyError(fixture, CHARGES, 2, "product_id", "unknown product_id 'core-x' (not in products.csv)");
    }

    @Test
    void referencesOfRowsWithOtherErrorsAreStillChecked() {
        CsvFixture fixture = CsvFixture.valid().replace(ITEMS, "i2,s1,c1,core-y,2024-03-01", "i2,s1,c9,core-y,2024-3-1");

        List<ImportError> errors = errorsOf(fixture, "USD");

        assertThat(errors).extracting(ImportError::line, ImportError::column)
                .containsExactly(tuple(3, "start_date"),
                        tuple(3, "customer_id"));
    }

    @Test
    void productLineWithTwoKinds() {
        CsvFixture fixture = CsvFixture.valid().replace(PRODUCTS, "core-y,Core yearly,core,core,", "core-y,Core yearly,core,add_on,");

        assertOnlyError(fixture, PRODUCTS, 3, "kind", "product line 'core' is core (product 'core-m', line 2) but product "
                + "'core-y' makes it add_on");
    }

    @Test
    void itemCurrencyWithoutRateOnOrBeforeItsStart() {
        CsvFixture fixture = CsvFixture.valid().with(FX, "date,currency,rate\n2024-02-05,EUR,1.10\n");

        assertOnlyError(fixture, ITEMS, 4, "currency", "no EUR rate in fx_rates.csv on or before 2024-02-01 (the start_date)");
    }

    @Test
    void everyItemWithoutARateIsReportedInLineOrderThoughRowsShareTheirCurrencyAndStart() {
        // EUR has rates from 2024-02-05, GBP none: rows repeat each pair, covered rows between them
        StringBuilder items = new StringBuilder(CsvFixture.ITEMS.substring(0, CsvFixture.ITEMS.indexOf('\n') + 1));
        List<Integer> uncovered = new ArrayList<>();
        String[] pairs = {"EUR,month,,,,,", "USD,month,,,,,", "GBP,month,,,,,", "EUR,month,,,,,"};
        String[] starts = {"2024-02-01", "2024-03-01", "2024-02-01", "2024-02-04"};
        for (int i = 0; i < 40; i++) {
            int kind = i % pairs.length;
            items.append("x").append(i).append(",s9,c1,crm,").append(starts[i % 3 == 0 ? 0 : kind]).append(",,10,,")
                    .append(pairs[kind]).append('\n');
            String start = starts[i % 3 == 0 ? 0 : kind];
            boolean covered = pairs[kind].startsWith("USD") || pairs[kind].startsWith("EUR") && start.compareTo("2024-02-05") >= 0;
            if (!covered) {
                uncovered.add(i + 2); // the header is line 1
            }
        }
        CsvFixture fixture = CsvFixture.valid().with(ITEMS, items.toString())
                .with(FX, "date,currency,rate\n2024-02-05,EUR,1.10\n");

        List<ImportError> errors = errorsOf(fixture, "USD");

        assertThat(errors).extracting(ImportError::line).containsExactlyElementsOf(uncovered);
        assertThat(uncovered).hasSizeGreaterThan(20);
        assertThat(errors).extracting(ImportError::message).allSatisfy(message -> assertThat(message)
                .matches("no (EUR|GBP) rate in fx_rates.csv on or before 2024-02-0[14] \\(the start_date\\); .*"));
    }

    @Test
    void chargeCurrencyWithoutRateOnOrBeforeItsDate() {
        CsvFixture fixture = CsvFixture.valid().replace(CHARGES, "-15.50,EUR", "-15.50,GBP");

        assertOnlyError(fixture, CHARGES, 3, "currency", "no GBP rate in fx_rates.csv on or before 2024-02-10 (the date)");
    }

    @Test
    void severalItemCurrenciesNoneSingledOutByTheRatesWithoutAReportingCurrency() {
        CsvFixture fixture = CsvFixture.valid().with(FX, "date,currency,rate\n2024-01-01,GBP,1.25\n");

        List<ImportError> errors = errorsOf(fixture, null);

        assertThat(errors).singleElement().satisfies(error -> assertError(error, ITEMS, 4, "currency",
                "items use several currencies (USD from line 2, EUR from this line) and fx_rates.csv does not "
                        + "single out one without rates; give a reporting currency"));
    }

    @Test
    void severalItemCurrenciesOfWhichOneHasNoRatesMakeThatOneTheReportingCurrency() throws Exception {
        assertThat(importer.importFolder(CsvFixture.valid().writeTo(dir), null).reportingCurrency()).isEqualTo("USD");
    }

    @Test
    void noItemsAndNoReportingCurrency() {
        CsvFixture fixture = CsvFixture.valid()
                .with(ITEMS, CsvFixture.ITEMS.substring(0, CsvFixture.ITEMS.indexOf('\n') + 1))
                .without(CHARGES);

        assertThat(errorsOf(fixture, null)).singleElement().satisfies(error -> assertError(error, ITEMS, 0,
                "currency", "no subscription items to infer the reporting currency from"));
    }

    @Test
    void duplicateFxRate() {
        CsvFixture fixture = CsvFixture.valid().with(FX, "date,currency,rate\n2024-01-01,EUR,1.10\n2024-01-01,eur,1.2\n");

        assertOnlyError(fixture, FX, 3, "date", "duplicate rate for EUR on 2024-01-01 (first on line 2)");
    }

    @Test
    void rowWithTheWrongNumberOfCells() {
        CsvFixture fixture = CsvFixture.valid().replace(CUSTOMERS, "c2,Globex,,enterprise,\n",
                "c2,Globex,,enterprise,\nc3,Initech,2023-01-15,smb\n");

        assertOnlyError(fixture, CUSTOMERS, 4, null, "row has 4 cell(s) but the header has 5");
    }

    @Test
    void duplicateHeaderColumn() {
        CsvFixture fixture = CsvFixture.valid().with(CUSTOMERS, "customer_id,segment, segment\nc1,smb,mid\nc2,smb,smb\n");

        assertOnlyError(fixture, CUSTOMERS, 1, "segment", "column 'segment' appears twice in the header (columns 2 and 3)");
    }

    @Test
    void emptyFile() {
        assertOnlyError(CsvFixture.valid().with(FX, ""), FX, 1, null, "file is empty; a header row is required");
    }

    @Test
    void malformedCsvIsReportedOnTheLineItsRecordStarts() {
        CsvFixture fixture = CsvFixture.valid().with(CUSTOMERS, "customer_id,name\nc1,Acme\nc2,\"Globex\n");

        List<ImportError> errors = errorsOf(fixture, "USD");

        assertThat(errors).first().satisfies(error -> assertError(error, CUSTOMERS, 3, null, "malformed CSV"));
    }

    @Test
    void fileThatIsNotUtf8() throws Exception {
        Path folder = CsvFixture.valid().writeTo(dir);
        byte[] latin1 = "customer_id,name\nc1,M\u00fcller\nc2,Globex\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(folder.resolve(CUSTOMERS), latin1);

        List<ImportError> errors = errorsOfFolder(folder, "USD");

        assertThat(errors).singleElement()
                .satisfies(error -> assertError(error, CUSTOMERS, 2, "name", "not valid UTF-8"));
    }

    @Test
    void quotedMultiLineCellsKeepPhysicalLineNumbers() {
        CsvFixture fixture = CsvFixture.valid().with(CUSTOMERS, "customer_id,name,created_at\r\n"
                + "c1,\"Acme\r\nHoldings\r\nLtd\",2023-01-15\r\n"
                + "c2,Globex,2023-02-30\r\n"
                + "c3,\"Initech\nCorp\",someday\r\n");

        List<ImportError> errors = errorsOf(fixture, "USD");

        assertThat(errors).extracting(ImportError::file, ImportError::line, ImportError::column)
                .containsExactly(tuple(CUSTOMERS, 5, "created_at"),
                        tuple(CUSTOMERS, 6, "created_at"));
    }

    @Test
    void errorsInDifferentFilesAreReportedTogetherInFileOrder() {
        CsvFixture fixture = CsvFixture.valid()
                .replace(CHARGES, "ch2,c2,", "ch2,c7,")
                .replace(ITEMS, "USD,year,", "USD,annual,")
                .replace(PRODUCTS, "crm,CRM,,,", "crm,CRM,,premium,")
                .replace(CUSTOMERS, "2023-01-15", "2023-01-32");

        List<ImportError> errors = errorsOf(fixture, "USD");

        assertThat(errors).extracting(ImportError::file, ImportError::line, ImportError::column).containsExactly(
                tuple(CUSTOMERS, 2, "created_at"),
                tuple(PRODUCTS, 4, "kind"),
                tuple(ITEMS, 3, "interval"),
                tuple(CHARGES, 3, "customer_id"));
    }

    @Test
    void errorsAreCappedWithAFinalNoteOnHowManyWereLeftOut() {
        StringBuilder customers = new StringBuilder("customer_id,created_at\nc1,\nc2,\n");
        for (int i = 0; i < ErrorCollector.CAP + 500; i++) {
            customers.append("x").append(i).append(",never\n");
        }
        List<ImportError> errors = errorsOf(CsvFixture.valid().with(CUSTOMERS, customers.toString()), "USD");

        assertThat(errors).hasSize(ErrorCollector.CAP + 1);
        assertThat(errors.get(0)).satisfies(error -> assertError(error, CUSTOMERS, 4, "created_at", "'never'"));
        assertThat(errors.get(ErrorCollector.CAP - 1).line()).isEqualTo(ErrorCollector.CAP + 3);
        assertThat(errors.get(ErrorCollector.CAP)).satisfies(error ->
                assertError(error, null, 0, null, "at least 500 more error(s) were omitted"));
    }

    private List<ImportError> errorsOf(CsvFixture fixture, String reportingCurrency) {
        return errorsOfFolder(fixture.writeTo(dir), reportingCurrency);
    }

    private List<ImportError> errorsOfFolder(Path folder, String reportingCurrency) {
        ImportValidationException thrown = catchThrowableOfType(ImportValidationException.class,
                () -> importer.importFolder(folder, reportingCurrency));
        assertThat(thrown).as("import should fail").isNotNull();
        return thrown.errors();
    }

    private void assertOnlyError(CsvFixture fixture, String file, int line, String column, String fragment) {
        assertThat(errorsOf(fixture, "USD")).singleElement()
                .satisfies(error -> assertError(error, file, line, column, fragment));
    }

    static void assertError(ImportError error, String file, int line, String column, String fragment) {
        assertThat(error.file()).as("file of %s", error).isEqualTo(file);
        assertThat(error.line()).as("line of %s", error).isEqualTo(line);
        assertThat(error.column()).as("column of %s", error).isEqualTo(column);
        assertThat(error.message()).as("message of %s", error).contains(fragment);
    }

    @Test
    void zipErrorsCarryTheSameFileLineAndColumn() {
        byte[] zip = CsvFixture.valid().replace(ITEMS, ",499,", ",-1,").zip("data/");

        ImportValidationException thrown = catchThrowableOfType(ImportValidationException.class,
                () -> importer.importZip(new ByteArrayInputStream(zip), "USD"));

        assertThat(thrown.errors()).singleElement()
                .satisfies(error -> assertError(error, ITEMS, 3, "unit_amount", "must be >= 0, was -1"));
    }
}
