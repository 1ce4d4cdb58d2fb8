package io.xsell.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.core.model.TenantId;
import io.xsell.server.port.in.ChangeConnectionSettingsCommand;
import io.xsell.server.port.in.ConnectStripeCommand;
import io.xsell.server.problem.Problem;
import io.xsell.server.problem.ProblemException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {
    private static final TenantId TENANT = new TenantId("t1");

    private static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of(422, "Unprocessable Content", "invalid-test", "invalid", errors));
    }

    private static <T> T read(String json, Class<T> type, Map<String, String> shapes) {
        return RequestBodies.read(json, type, shapes, RequestBodiesTest::invalid).value();
    }

    private static Problem.FieldError refusal(String json, Class<?> type, Map<String, String> shapes) {
        try {
            read(json, type, shapes);
        } catch (ProblemException e) {
            assertThat(e.problem().status()).isEqualTo(422);
            return e.problem().errors().get(0);
        }
        throw new AssertionError("accepted " + json);
    }

    @Test
    void aValidConnectionBecomesACommandWithRatesGivenAsNumbersOrText() {
        ConnectStripeRequest request = read("""
                {"api_key": " sk_test_abcd1234 ", "reporting_currency": "USD", "webhook_secret": "whsec_x",
                 "product_lines": {"prod_1": {"product_line": "crm", "kind": "add_on"}},
                 "fx_rates": [{"date": "2025-01-31", "currency": "EUR", "rate": 1.1},
                              {"date": "2025-02-28", "currency": "EUR", "rate": "1.2"}], "ignored": true}""",
                ConnectStripeRequest.class, ConnectStripeRequest.SHAPES);
        List<Problem.FieldError> errors = new ArrayList<>();
        ConnectStripeCommand command = request.toCommand(TENANT, "USD", errors);
        assertThat(errors).isEmpty();
        assertThat(command.apiKey()).isEqualTo("sk_test_abcd1234");
        assertThat(command.productLines().get("prod_1").productLine()).isEqualTo("crm");
        assertThat(command.fxRates()).extracting(r -> r.rate()).containsExactly(new BigDecimal("1.1"),
                new BigDecimal("1.2"));
    }

    @Test
    void everyBadFieldOfAConnectionIsNamedTogether() {
        ConnectStripeRequest request = read("""
                {"api_key": "pk_test_public", "reporting_currency": "EUR",  "webhook_secret": "secret",
                 "product_lines": {"prod_1": {"kind": "add_on"}, "prod_2": {"product_line": "crm", "kind": "odd"}},
                 "fx_rates": [{"date": "2025-13-01", "currency": "EUR", "rate": 1.1}]}""",
                ConnectStripeRequest.class, ConnectStripeRequest.SHAPES);
        List<Problem.FieldError> errors = new ArrayList<>();
        assertThat(request.toCommand(TENANT, "USD", errors)).isNull();
        assertThat(errors).extracting(Problem.FieldError::field).containsExactly("api_key", "reporting_currency",
                "webhook_secret", "product_lines.prod_1.product_line", "product_lines.prod_2.kind", "fx_rates[0].date");
    }

    @Test
    void aValueOfTheWrongShapeIsA422NamingItsField() {
        assertThat(refusal("[1, 2]", ConnectStripeRequest.class, ConnectStripeRequest.SHAPES))
                .isEqualTo(Problem.FieldError.parameter("body", "must be a JSON object"));
        assertThat(refusal("{\"product_lines\": [1]}", ConnectStripeRequest.class, ConnectStripeRequest.SHAPES))
                .isEqualTo(Problem.FieldError.parameter("product_lines", "must be an object keyed by Stripe product id"));
        assertThat(refusal("{\"fx_rates\": {}}", ConnectStripeRequest.class, ConnectStripeRequest.SHAPES))
                .isEqualTo(Problem.FieldError.parameter("fx_rates", "must be an array of {date, currency, rate}"));
        assertThat(refusal("{\"fx_rates\": [{}, {\"rate\": \"abc\"}]}", ConnectStripeRequest.class,
                ConnectStripeRequest.SHAPES)).isEqualTo(Problem.FieldError.parameter("fx_rates[1].rate",
                "must be a decimal number"));
        assertThat(refusal("{\"api_key\": 12345}", ConnectStripeRequest.class, ConnectStripeRequest.SHAPES))
                .isEqualTo(Problem.FieldError.parameter("api_key", "must be a string"));
        assertThat(refusal("{\"send_day\": 1.5}", ReportScheduleRequest.class, ReportScheduleRequest.SHAPES))
                .isEqualTo(Problem.FieldError.parameter("send_day", "must be a whole number"));
        assertThat(refusal("{\"send_day\": \"3\"}", ReportScheduleRequest.class, ReportScheduleRequest.SHAPES))
                .isEqualTo(Problem.FieldError.parameter("send_day", "must be a whole number"));
        assertThat(refusal("{\"recipients\": [\"a@acme.com\", 7]}", ReportScheduleRequest.class,
                ReportScheduleRequest.SHAPES)).isEqualTo(Problem.FieldError.parameter("recipients[1]", "must be a string"));
    }

    @Test
    void malformedJsonIsA400AndAnEmptyBodyIsNoValue() {
        assertThatThrownBy(() -> read("{not json", ConnectStripeRequest.class, Map.of()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().type()).endsWith("/malformed-json");
                });
        assertThat(read("", ConnectStripeRequest.class, Map.of())).isNull();
        assertThat(read("null", ConnectStripeRequest.class, Map.of())).isNull();
    }

    @Test
    void unknownTopLevelFieldsAreHandedBackInTheBodysOrder() {
        RequestBodies.Body<ReportScheduleRequest> body = RequestBodies.read(
                "{\"colour\": \"red\", \"cadence\": \"weekly\", \"send_time\": \"08:00\", \"size\": 1}",
                ReportScheduleRequest.class, ReportScheduleRequest.SHAPES, RequestBodiesTest::invalid);
        assertThat(body.unknownFields()).containsExactly("colour", "size");
        assertThat(body.value().sendTime()).isEqualTo("08:00");
    }

    @Test
    void aSettingLeftOutIsKeptAndOneGivenAsNullIsCleared() {
        List<Problem.FieldError> errors = new ArrayList<>();
        ChangeConnectionSettingsCommand rates = ConnectionSettingsRequest.toCommand(settings("{\"fx_rates\": null}"),
                TENANT, "conn_1", errors);
        assertThat(rates.productLines()).isNull();
        assertThat(rates.fxRates()).isEmpty();
        assertThat(ConnectionSettingsRequest.toCommand(settings(""), TENANT, "conn_1", errors)).isNull();
        assertThat(errors).containsExactly(Problem.FieldError.parameter("body", "give product_lines, fx_rates or both"));
    }

    private static RequestBodies.Body<ConnectionSettingsRequest> settings(String json) {
        return RequestBodies.read(json, ConnectionSettingsRequest.class, ConnectionSettingsRequest.SHAPES,
                RequestBodiesTest::invalid);
    }
}
