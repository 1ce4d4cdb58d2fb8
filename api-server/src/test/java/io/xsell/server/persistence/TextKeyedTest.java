package io.xsell.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextKeyedTest {

    @Test
    void equalTextsGetOneValueMadeOnceAndDistinctTextsTheirOwn() {
        List<String> made = new ArrayList<>();
        TextKeyed<String> strings = new TextKeyed<>(text -> {
            made.add(text);
            return text;
        });
        List<String> first = new ArrayList<>();
        // enough distinct texts to grow the table several times, some outside ASCII
        for (int i = 0; i < 5_000; i++) {
            first.add(strings.get(utf8("v\u00e9\u2713" + i)));
        }
        for (int i = 0; i < 5_000; i++) {
            byte[] bytes = utf8("v\u00e9\u2713" + i);
            String again = strings.get(bytes);
            assertThat(again).isEqualTo("v\u00e9\u2713" + i).isSameAs(first.get(i));
            bytes[0] = 'x'; // the table kept a copy: changing the caller's array changes nothing
        }
        assertThat(made).hasSize(5_000);
        assertThat(strings.get(utf8("v\u00e9\u27130"))).isSameAs(first.get(0));
        assertThat(strings.get(utf8(""))).isEmpty();
        assertThat(strings.get(null)).isNull();
        assertThat(made).hasSize(5_001);
    }

    @Test
    void sharedValuesByBytesAreTheInstancesTheirTextGives() {
        SharedValues shared = new SharedValues();
        String byText = shared.string("cus_1");
        assertThat(shared.string(utf8("cus_1"))).isSameAs(byText);
        BigDecimal amount = shared.decimal(utf8("10.50"));
        assertThat(amount).isEqualTo(new BigDecimal("10.50")).isSameAs(shared.decimal("10.50"));
        assertThat(shared.date(utf8("2024-02-29"))).isEqualTo(LocalDate.of(2024, 2, 29))
                .isSameAs(shared.date("2024-02-29"));
        assertThat(shared.date((byte[]) null)).isNull();
        // a text the maker refuses is refused as from its String, and nothing is kept for it
        assertThatThrownBy(() -> shared.decimal(utf8("1,5"))).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> shared.decimal(utf8("1,5"))).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void aRunGivesThePreviousRowsStringWhileTheBytesRepeatAndTheSharedOneOtherwise() {
        SharedValues shared = new SharedValues();
        String known = shared.string("cus_\u00e91");
        SharedValues.Run run = shared.run();
        byte[] first = utf8("cus_\u00e91");

        String a = run.string(first);
        first[0] = 'x'; // the run kept a copy
        assertThat(a).isSameAs(known);
        assertThat(run.string(utf8("cus_\u00e91"))).isSameAs(known);
        String b = run.string(utf8("cus_2"));
        assertThat(b).isEqualTo("cus_2").isSameAs(shared.string("cus_2"));
        assertThat(run.string(null)).isNull();
        assertThat(run.string(utf8("cus_2"))).isSameAs(b);
        assertThat(run.string(utf8("cus_\u00e91"))).isSameAs(known);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
