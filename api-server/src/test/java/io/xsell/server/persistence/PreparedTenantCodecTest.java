package io.xsell.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.core.model.Customer;
import io.xsell.core.model.FxRate;
import io.xsell.core.model.OneTimeCharge;
import io.xsell.core.model.Product;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.server.persistence.snapshot.CorruptSnapshotException;
import io.xsell.server.persistence.snapshot.PreparedTenantCodec;
import io.xsell.ingestion.synthetic.SyntheticAccountGenerator;
import io.xsell.ingestion.synthetic.SyntheticAccountSpec;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The snapshot body alone: exact round trips and the refusal of anything damaged or misplaced. */
class PreparedTenantCodecTest {
    private static final TenantId TENANT = new TenantId("t-codec");
    private static final TenantDataset DATASET =
            SyntheticAccountGenerator.generate(SyntheticAccountSpec.defaults(5, 3000));
    private static final MrrLedger LEDGER = MrrLedger.of(DATASET);

    @Test
    void aGeneratedAccountComesBackExactlyWithItsLedger() {
        byte[] body = PreparedTenantCodec.encode(TENANT, 7, DATASET, LEDGER, 123_456_789L);

        PreparedTenantCodec.Restored restored = PreparedTenantCodec.decode(body, TENANT, 7, "USD");

        JdbiTenantDataStoreTest.assertSameData(restored.dataset(), DATASET);
        assertSameLedger(restored.ledger(), LEDGER);
        assertThat(restored.retainedBytes()).isEqualTo(123_456_789L);
        assertThat(restored.dataset().items().get(0).customerId())
                .as("an item shares its customer's id instance, as a load from the database does")
                .isSameAs(restored.dataset().customers().stream()
                        .filter(c -> c.id().equals(DATASET.items().get(0).customerId())).findFirst().orElseThrow().id());
        assertThat(body.length).as("compact: well under 100 bytes per item").isLessThan(DATASET.items().size() * 100);
    }

    @Test
    void scalesNullsLongTextAndHugeAmountsSurvive() {
        List<Customer> customers = List.of(new Customer("c-1", "x".repeat(200), null, Map.of("k", "")),
                new Customer("c-2", null, LocalDate.of(1970, 1, 1), Map.of()));
        List<Product> products = List.of(Product.standalone("p"));
        List<RecurringItem> items = new ArrayList<>();
        items.add(RecurringItem.builder("i-1", "c-1", "p").start("2020-01-01").unitAmount("1.50").build());
        items.add(RecurringItem.builder("i-2", "c-1", "p").start("2020-01-01").unitAmount("1.5").build());
        items.add(RecurringItem.builder("i-3", "c-2", "p").start("1960-02-29").end("2099-12-31")
                .unitAmount("999999999999.9999999999999999999999").currency("EUR").build());
        List<FxRate> rates = List.of(new FxRate(LocalDate.of(1900, 1, 1), "EUR", new BigDecimal("0.000000000001")));
        TenantDataset dataset = TenantDataset.of("USD", customers, products, items, List.of(), rates);
        MrrLedger ledger = MrrLedger.of(dataset);

        PreparedTenantCodec.Restored restored = PreparedTenantCodec.decode(
                PreparedTenantCodec.encode(TENANT, 1, dataset, ledger, 1), TENANT, 1, "USD");

        JdbiTenantDataStoreTest.assertSameData(restored.dataset(), dataset);
        assertSameLedger(restored.ledger(), ledger);
        assertThat(restored.dataset().items().get(0).unitAmount().toString()).isEqualTo("1.50");
        assertThat(restored.dataset().items().get(1).unitAmount().toString()).isEqualTo("1.5");
    }

    @Test
    void aSnapshotOfAnotherTenantVersionOrCurrencyIsRefused() {
        byte[] body = PreparedTenantCodec.encode(TENANT, 7, DATASET, LEDGER, 123_456_789L);

        assertThatThrownBy(() -> PreparedTenantCodec.decode(body, new TenantId("other"), 7, "USD"))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("t-codec");
        assertThatThrownBy(() -> PreparedTenantCodec.decode(body, TENANT, 8, "USD"))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("version 7");
        assertThatThrownBy(() -> PreparedTenantCodec.decode(body, TENANT, 7, "EUR"))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("EUR");
    }

    @Test
    void aTruncatedOrDamagedBodyIsRefusedNeverMisread() {
        byte[] body = PreparedTenantCodec.encode(TENANT, 7, DATASET, LEDGER, 123_456_789L);

        for (int length : new int[] {0, 3, body.length / 2, body.length - 1}) {
            byte[] truncated = Arrays.copyOf(body, length);
            assertThatThrownBy(() -> PreparedTenantCodec.decode(truncated, TENANT, 7, "USD"))
                    .as("truncated to %d bytes", length)
                    .isInstanceOf(CorruptSnapshotException.class);
        }
        // the store checks the table's checksum first; past it, the model's checks and deflate's own
        // Adler-32 (verified by reading to the end) still refuse a damaged body
        for (int position : new int[] {9, body.length / 3, body.length - 6}) {
            byte[] damaged = body.clone();
            damaged[position] ^= 0x10;
            assertThatThrownBy(() -> PreparedTenantCodec.decode(damaged, TENANT, 7, "USD"))
                    .as("bit flipped at %d", position)
                    .isInstanceOf(CorruptSnapshotException.class);
        }
    }

    @Test
    void rowsOutOfTheirCustomersOrderAndEmptyOrSingleRowsComeBackExactly() {
        List<Customer> customers = List.of(Customer.of("c-1", Map.of()), Customer.of("c-2", Map.of("k", "v")),
                Customer.of("c-3", Map.of()));
        List<Product> products = List.of(Product.standalone("p"));
        List<RecurringItem> items = List.of(
                RecurringItem.builder("i-1", "c-3", "p").start("2020-01-01").unitAmount("3").build(),
                RecurringItem.builder("i-2", "c-1", "p").start("2020-01-01").unitAmount("1").build(),
                RecurringItem.builder("i-3", "c-3", "p").start("2020-02-01").unitAmount("2").build(),
                RecurringItem.builder("i-4", "c-2", "p").start("2020-03-01").unitAmount("4").build(),
                RecurringItem.builder("i-5", "c-1", "p").start("2020-04-01").unitAmount("5").build());
        List<OneTimeCharge> charges = List.of(
                new OneTimeCharge("ch-1", "c-2", null, LocalDate.of(2020, 1, 5), new BigDecimal("9.90"), "USD", null),
                new OneTimeCharge("ch-2", "c-1", "p", LocalDate.of(2020, 1, 6), new BigDecimal("-1"), "USD", "x"),
                new OneTimeCharge("ch-3", "c-3", null, LocalDate.of(2020, 1, 7), BigDecimal.ONE, "USD", null));
        for (int rows = 0; rows <= items.size(); rows++) { // the items are split between two sections
            TenantDataset dataset = TenantDataset.of("USD", customers, products, items.subList(0, rows),
                    charges.subList(0, Math.min(rows, charges.size())), List.of());
            MrrLedger ledger = MrrLedger.of(dataset);

            PreparedTenantCodec.Restored restored = PreparedTenantCodec.decode(
                    PreparedTenantCodec.encode(TENANT, 1, dataset, ledger, 1), TENANT, 1, "USD");

            JdbiTenantDataStoreTest.assertSameData(restored.dataset(), dataset);
            assertSameLedger(restored.ledger(), ledger);
            for (RecurringItem item : restored.dataset().items()) {
                assertThat(item.customerId()).as("the customer's own id instance").isSameAs(
                        restored.dataset().customers().stream().filter(c -> c.id().equals(item.customerId()))
                                .findFirst().orElseThrow().id());
            }
        }
    }

    @Test
    void theWeightIsReadFromTheHeadAlone() {
        byte[] body = PreparedTenantCodec.encode(TENANT, 7, DATASET, LEDGER, 123_456_789_012L);

        assertThat(PreparedTenantCodec.weight(Arrays.copyOf(body, PreparedTenantCodec.HEAD))).isEqualTo(123_456_789_012L);
        assertThat(PreparedTenantCodec.weight(Arrays.copyOf(body, PreparedTenantCodec.HEAD - 1))).isEqualTo(-1);
        byte[] otherFormat = Arrays.copyOf(body, PreparedTenantCodec.HEAD);
        otherFormat[7] ^= 0x01;
        assertThat(PreparedTenantCodec.weight(otherFormat)).isEqualTo(-1);
        assertThatThrownBy(() -> PreparedTenantCodec.decode(otherFormat, TENANT, 7, "USD"))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("format");
    }

    @Test
    void everyShapeComesBackExactlyInFormat4AndFromFormat3() {
        TenantDataset dataset = TestDatasets.withEveryField(41, 400);
        MrrLedger ledger = MrrLedger.of(dataset);
        byte[] columns = PreparedTenantCodec.encode(TENANT, 3, dataset, ledger, 99);
        byte[] rows = PreparedTenantCodec.encodeRows(TENANT, 3, dataset, ledger, 99);
        assertThat(java.nio.ByteBuffer.wrap(columns, 4, 4).getInt()).isEqualTo(4);
        assertThat(java.nio.ByteBuffer.wrap(rows, 4, 4).getInt()).isEqualTo(3);

        List<Long> datasetWeights = new ArrayList<>();
        for (byte[] body : List.of(columns, rows)) {
            PreparedTenantCodec.Restored restored = PreparedTenantCodec.decode(body, TENANT, 3, "USD");
            datasetWeights.add(restored.dataset().retainedBytes());

            JdbiTenantDataStoreTest.assertSameData(restored.dataset(), dataset);
            assertSameLedger(restored.ledger(), ledger);
            assertThat(restored.retainedBytes()).isEqualTo(99);
            // an amount equal among items and charges is decoded once, so the restored ledger may weigh less
            assertThat(restored.ledger().retainedBytes()).isBetween(ledger.retainedBytes() - 1024, ledger.retainedBytes());
            assertThat(PreparedTenantCodec.weight(Arrays.copyOf(body, PreparedTenantCodec.HEAD))).isEqualTo(99);
            io.xsell.core.metrics.Window window = io.xsell.core.metrics.Window.of("2024-01-01", "2025-12-01");
            assertThat(io.xsell.core.metrics.CrossSellCalculator.report(restored.ledger(), window, "segment"))
                    .isEqualTo(io.xsell.core.metrics.CrossSellCalculator.report(ledger, window, "segment"));
        }
        assertThat(datasetWeights.get(0)).as("format 4 restores a dataset of the weight format 3 restores")
                .isEqualTo(datasetWeights.get(1));
        assertThat(columns.length).as("the columns are smaller than the rows").isLessThan(rows.length);
    }

    @Test
    void aFormat3BodyDamagedOrTruncatedIsStillRefused() {
        byte[] body = PreparedTenantCodec.encodeRows(TENANT, 7, DATASET, LEDGER, 5);
        for (int length : new int[] {0, 9, body.length / 2, body.length - 1}) {
            byte[] truncated = Arrays.copyOf(body, length);
            assertThatThrownBy(() -> PreparedTenantCodec.decode(truncated, TENANT, 7, "USD"))
                    .isInstanceOf(CorruptSnapshotException.class);
        }
        for (int[] section : sections(body)) {
            byte[] damaged = body.clone();
            damaged[section[0] + section[1] / 2] ^= 0x10;
            assertThatThrownBy(() -> PreparedTenantCodec.decode(damaged, TENANT, 7, "USD"))
                    .isInstanceOf(CorruptSnapshotException.class);
        }
    }

    @Test
    void aFrameThatMisstatesItsInflatedLengthIsRefused() {
        byte[] body = PreparedTenantCodec.encode(TENANT, 7, DATASET, LEDGER, 1);
        for (int[] section : sections(body)) {
            for (int change : new int[] {-1, 1, Integer.MAX_VALUE / 2}) {
                byte[] misstated = body.clone();
                java.nio.ByteBuffer frame = java.nio.ByteBuffer.wrap(misstated, section[0] - 4, 4);
                frame.putInt(0, frame.getInt(0) + change);
                assertThatThrownBy(() -> PreparedTenantCodec.decode(misstated, TENANT, 7, "USD"))
                        .as("section at %d, inflated length changed by %d", section[0], change)
                        .isInstanceOf(CorruptSnapshotException.class);
            }
        }
    }

    /** Where each section's deflated bytes start and how many there are; a format 4 frame also states the inflated length. */
    private static List<int[]> sections(byte[] body) {
        int frame = java.nio.ByteBuffer.wrap(body, 4, 4).getInt() == 4 ? 8 : 4;
        int at = PreparedTenantCodec.HEAD;
        List<int[]> sections = new ArrayList<>();
        while (at < body.length) {
            int length = java.nio.ByteBuffer.wrap(body, at, 4).getInt();
            sections.add(new int[] {at + frame, length});
            at += frame + length;
        }
        assertThat(sections).hasSize(4);
        return sections;
    }

    @Test
    void damageInAnySectionIsRefusedWhicheverThreadReadsIt() {
        byte[] body = PreparedTenantCodec.encode(TENANT, 7, DATASET, LEDGER, 1);
        List<int[]> sections = sections(body);
        for (int s = 0; s < sections.size(); s++) {
            int[] section = sections.get(s);
            for (int offset : new int[] {0, section[1] / 2, section[1] - 1}) {
                byte[] damaged = body.clone();
                damaged[section[0] + offset] ^= 0x10;
                assertThatThrownBy(() -> PreparedTenantCodec.decode(damaged, TENANT, 7, "USD"))
                        .as("section %d, byte %d", s, offset)
                        .isInstanceOf(CorruptSnapshotException.class);
            }
        }
        // the items and the charges swapped, frames and all: each is whole and checksummed by deflate, yet refused
        byte[] swapped = body.clone();
        int[] one = sections.get(1);
        int[] two = sections.get(2);
        int from = one[0] - 8;
        System.arraycopy(body, two[0] - 8, swapped, from, two[1] + 8);
        System.arraycopy(body, one[0] - 8, swapped, from + 8 + two[1], one[1] + 8);
        assertThatThrownBy(() -> PreparedTenantCodec.decode(swapped, TENANT, 7, "USD"))
                .isInstanceOf(CorruptSnapshotException.class);
    }

    /** Record equality compares amounts with {@code BigDecimal.equals}: scale included. */
    static void assertSameLedger(MrrLedger actual, MrrLedger expected) {
        assertThat(actual.currency()).isEqualTo(expected.currency());
        assertThat(actual.lines()).isEqualTo(expected.lines());
        assertThat(actual.customerCount()).isEqualTo(expected.customerCount());
        for (int c = 0; c < expected.customerCount(); c++) {
            assertThat(actual.customer(c)).isEqualTo(expected.customer(c));
            assertThat(actual.items(c)).containsExactly(expected.items(c));
            assertThat(actual.charges(c)).containsExactly(expected.charges(c));
        }
    }
}
