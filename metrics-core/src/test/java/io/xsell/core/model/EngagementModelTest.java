package io.xsell.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngagementModelTest {
    private static final LocalDate DAY = LocalDate.parse("2025-03-01");

    private static Campaign campaign(String id) {
        return new Campaign(id, null, "email", BigDecimal.TEN, "usd", DAY, null, null);
    }

    @Test
    void campaignRulesNameTheirField() {
        assertThat(campaign("c").currency()).isEqualTo("USD");
        assertThatThrownBy(() -> new Campaign("c", null, "email", new BigDecimal("-1"), "USD", DAY, null, null))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("cost"));
        assertThatThrownBy(() -> new Campaign("c", null, "E mail", BigDecimal.ONE, "USD", DAY, null, null))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("channel"));
        assertThatThrownBy(() -> new Campaign("c", null, "email", BigDecimal.ONE, "XYZ", DAY, null, null))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("currency"));
        assertThatThrownBy(() -> new Campaign("c", null, "email", BigDecimal.ONE, "USD", DAY, DAY.minusDays(1), null))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("end_date"));
        assertThatThrownBy(() -> new Campaign(" ", null, "email", BigDecimal.ONE, "USD", DAY, null, null))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("campaign_id"));
    }

    @Test
    void usageAndTouchpointRulesNameTheirField() {
        assertThatThrownBy(() -> new UsageEvent("c", "f", DAY, 0))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("count"));
        assertThatThrownBy(() -> new UsageEvent("c", "", DAY, 1))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("feature"));
        assertThatThrownBy(() -> new Touchpoint("c", "k", null))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("date"));
    }

    @Test
    void usageLogGroupsEventsByCustomerInArrivalOrder() {
        UsageLog log = UsageLog.builder()
                .add("a", "x", DAY, 1).add("b", "y", DAY, 2).add("a", "y", DAY.plusDays(1), 3).build();

        assertThat(log.size()).isEqualTo(3);
        assertThat(log.customerCount()).isEqualTo(2);
        assertThat(log.totalCount()).isEqualTo(6);
        assertThat(log.customerId(0)).isEqualTo("a");
        assertThat(log.end(0) - log.start(0)).isEqualTo(2);
        assertThat(log.feature(log.featureAt(log.start(0) + 1))).isEqualTo("y");
        assertThat(log.countAt(log.start(0) + 1)).isEqualTo(3);
        StringBuilder visited = new StringBuilder();
        log.forEach((c, f, d, n) -> visited.append(c).append(f).append(n));
        assertThat(visited).hasToString("ax1ay3by2");
    }

    @Test
    void appendingKeepsEveryEventWithItsCustomerAndFeature() {
        UsageLog first = UsageLog.builder().add("a", "x", DAY, 1).add("b", "y", DAY, 2).add("a", "y", DAY, 3).build();
        UsageLog second = UsageLog.builder().add("c", "z", DAY, 4).add("a", "z", DAY.plusDays(1), 5)
                .add("b", "x", DAY, 6).build();

        UsageLog both = first.append(second);

        StringBuilder visited = new StringBuilder();
        both.forEach((c, f, d, n) -> visited.append(c).append(f).append(n).append(' '));
        assertThat(visited).hasToString("ax1 ay3 az5 by2 bx6 cz4 ");
        assertThat(both.customerCount()).isEqualTo(3);
        assertThat(both.featureCount()).isEqualTo(3);
        assertThat(both.totalCount()).isEqualTo(21);
        assertThat(first.append(UsageLog.empty())).isSameAs(first);
        assertThat(UsageLog.empty().append(second)).isSameAs(second);
        StringBuilder direct = new StringBuilder();
        UsageLog.builder().addAll(first).addAll(second).build()
                .forEach((c, f, d, n) -> direct.append(c).append(f).append(n).append(' '));
        assertThat(visited).hasToString(direct.toString());
    }

    @Test
    void engagementDataChecksCampaignsAndTheDatasetChecksCustomers() {
        assertThatThrownBy(() -> EngagementData.of(List.of(campaign("k"), campaign("k")), List.of(), null))
                .isInstanceOf(InvalidDatasetException.class).hasMessageContaining("duplicate campaign_id 'k'");
        assertThatThrownBy(() -> EngagementData.of(List.of(), List.of(new Touchpoint("c", "k", DAY)), null))
                .isInstanceOf(InvalidDatasetException.class).hasMessageContaining("unknown campaign_id 'k'");

        TenantDataset dataset = TenantDataset.of("USD", List.of(Customer.of("c", Map.of())), List.of(), List.of(),
                List.of(), List.of());
        EngagementData data = EngagementData.of(List.of(campaign("k")), List.of(new Touchpoint("zz", "k", DAY)),
                UsageLog.builder().add("yy", "f", DAY, 1).build());
        assertThatThrownBy(() -> dataset.withEngagement(data)).isInstanceOfSatisfying(InvalidDatasetException.class,
                e -> assertThat(e.problems()).hasSize(2));

        EngagementData ok = EngagementData.of(List.of(campaign("k")), List.of(new Touchpoint("c", "k", DAY)), null);
        TenantDataset with = dataset.withEngagement(ok);
        assertThat(with.engagement()).isSameAs(ok);
        assertThat(with.customers()).isEqualTo(dataset.customers());
        assertThat(with.withoutEngagement().engagement().isEmpty()).isTrue();
        assertThat(dataset.engagement().isEmpty()).isTrue();
    }
}
