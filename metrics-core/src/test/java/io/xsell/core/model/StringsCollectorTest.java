package io.xsell.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strings collected across pages come back whole, a byte each or, once one needs it, a char each. */
class StringsCollectorTest {

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 5, 20_000, 59_999})
    void theImageAndEveryStringAreTheOnesAdded(int wideAt) {
        SplittableRandom random = new SplittableRandom(wideAt + 2);
        List<String> added = new ArrayList<>();
        StringsCollector collector = new StringsCollector();
        // 60,000 strings of 0 to 40 characters: about ten pages, strings split between two of them
        for (int i = 0; i < 60_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(41);
            for (int k = 0; k < length; k++) {
                s.append((char) ('a' + random.nextInt(26)));
            }
            if (i == wideAt) {
                s.append("\u6771\u4eac\u00e9");
            } else if (i % 97 == 0) {
                s.append('\u00e9'); // one byte still
            }
            added.add(s.toString());
            collector.add(s.toString());
        }

        assertThat(collector.size()).isEqualTo(added.size());
        int offset = 0;
        for (int i = 0; i < added.size(); i++) {
            assertThat(collector.length(i)).isEqualTo(added.get(i).length());
            assertThat(collector.string(offset, collector.length(i))).as("string %d", i).isEqualTo(added.get(i));
            offset += collector.length(i);
        }
        String all = String.join("", added);
        StringsImage image = collector.image();
        image.check("ids");
        if (wideAt < 0) {
            assertThat(image.utf16()).isNull();
            assertThat(new String(image.latin1(), java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo(all);
        } else {
            assertThat(image.latin1()).isNull();
            assertThat(new String(image.utf16())).isEqualTo(all);
        }
        assertThat(image.lengths()).containsExactly(added.stream().mapToInt(String::length).toArray());
    }

    @Test
    void noStringsMakeAnEmptyImage() {
        StringsImage image = new StringsCollector().image();

        assertThat(image.latin1()).isEmpty();
        assertThat(image.lengths()).isEmpty();
    }
}
