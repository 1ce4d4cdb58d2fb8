package io.xsell.reporting.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecipientsTest {
    @Test
    void everyBadAddressIsNamedByItsIndex() {
        List<Recipients.Problem> problems = Recipients.check(Arrays.asList("cfo@acme.com", "not-an-address", "",
                "a@b", "CFO@acme.com", null, "revops@acme.co.uk"));
        assertThat(problems).extracting(Recipients.Problem::index).containsExactly(1, 2, 3, 4, 5);
        assertThat(problems.get(0).message()).contains("'not-an-address' is not a valid email address");
        assertThat(problems.get(3).message()).contains("listed twice");
    }

    @Test
    void anEmptyOrHugeListIsAProblemOfTheList() {
        assertThat(Recipients.check(List.of())).extracting(Recipients.Problem::index).containsExactly(-1);
        List<String> many = java.util.stream.IntStream.range(0, 51).mapToObj(i -> "u" + i + "@acme.com").toList();
        assertThat(Recipients.check(many)).extracting(Recipients.Problem::message)
                .containsExactly("at most 50 recipients, was 51");
        assertThat(Recipients.check(List.of("cfo@acme.com", "revops+reports@acme.io"))).isEmpty();
    }
}
