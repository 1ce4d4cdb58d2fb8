package io.xsell.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.port.in.ImportTenantDataCommand;
import io.xsell.core.port.in.ImportTenantDataUseCase;
import io.xsell.ingestion.synthetic.SyntheticAccountGenerator;
import io.xsell.ingestion.synthetic.SyntheticAccountSpec;
import io.xsell.ingestion.synthetic.SyntheticEffects;
import io.xsell.ingestion.synthetic.SyntheticEngagementGenerator;
import io.xsell.server.auth.WebSessions;
import io.xsell.server.fixture.WorkedExample;
import io.xsell.server.fixture.Zips;
import io.xsell.server.persistence.Dialect;
import io.xsell.server.rest.ApiResponse;
import io.xsell.server.rest.XsellApp;
import io.xsell.server.tenant.TenantAdministration.IssuedKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in Debian's Chromium on a small generated tenant: sign-in, every page with its
 * headline figures against the API's for the same period, no console errors, the CSV upload's
 * errors, a schedule made, edited and sent now in the page, CSRF, tenant isolation, sign-out and key
 * rotation; on a second tenant with a planted effect, an insight's evidence (interval, group sizes, p-value).
 * Screenshots of every page go to target/dashboard-screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
    private static final String TO = "2026-11-01";
    private static final String FROM = "2026-10-01";
    private static final List<String> PAGES = List.of("overview", "movements", "lines", "cohorts", "basket", "prospects",
            "campaigns", "data", "reports");
    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

    @RegisterExtension
    static final XsellApp APP = XsellApp.on(Dialect.SQLITE);

    private IssuedKey tenant;
    private IssuedKey evidence;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void start() throws IOException {
        tenant = APP.createTenant("browser");
        SyntheticAccountSpec spec = SyntheticAccountSpec.defaults(16, 400);
        TenantDataset dataset = SyntheticEngagementGenerator.withEngagement(SyntheticAccountGenerator.generate(spec),
                spec.seed(), spec.historyEnd());
        APP.instance(ImportTenantDataUseCase.class).importTenantData(
                new ImportTenantDataCommand(tenant.tenant().id(), "csv", dataset, "browser test"));
        // a null world with one planted effect (attached customers churn four times as often): its
        // insight is earned, so the overview must show it with its evidence
        evidence = APP.createTenant("evidence");
        APP.instance(ImportTenantDataUseCase.class).importTenantData(new ImportTenantDataCommand(
                evidence.tenant().id(), "csv", SyntheticAccountGenerator.generate(SyntheticAccountSpec.defaults(7, 4_000),
                        SyntheticEffects.none().withAttachedChurnFactor(4)), "browser test, planted effect"));
        Files.createDirectories(SCREENSHOTS);
        browser = Chromium.start(Files.createTempDirectory("xsell-chromium-"));
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void aWrongKeyGetsAClearMessage() {
        browser.get(APP.uri("/").toString());
        wait.until(d -> d.getCurrentUrl().contains("/web/sign-in.html"));
        browser.findElement(By.id("api_key")).sendKeys("xsk_not-a-key");
        browser.findElement(By.cssSelector("#sign-in-form button")).click();
        wait.until(d -> d.findElement(By.id("sign-in-message")).getText().contains("not valid"));
        assertThat(browser.findElement(By.id("sign-in-message")).getText()).contains("mistyped, revoked or rotated");
        browser.manage().logs().get(LogType.BROWSER); // the refused sign-in's 401 is expected: drop it
    }

    @Test
    @Order(2)
    void theOneTimeLinkSignsInOnFirstClickAndThenNoMore() {
        String token = APP.instance(WebSessions.class).issueLoginToken(tenant.apiKey());
        browser.get(APP.uri("/web/login?token=" + token + "#overview?to=" + TO).toString());
        waitForPage("overview");
        assertThat(browser.findElement(By.id("tenant")).getText()).contains(tenant.tenant().name(), "USD");
        browser.manage().deleteAllCookies();
        browser.get(APP.uri("/web/login?token=" + token).toString());
        wait.until(d -> d.getCurrentUrl().contains("sign-in.html?expired"));
        assertThat(browser.findElement(By.id("sign-in-message")).getText()).contains("already used or has expired");
    }

    @Test
    @Order(3)
    void signInWithTheKeyAndOpenEveryPageWithoutConsoleErrors() throws IOException {
        signIn(tenant.apiKey());
        for (String page : PAGES) {
            open(page, "period=month&to=" + TO);
            screenshot(page);
            assertThat(severeConsoleEntries()).as("console errors on " + page).isEmpty();
        }
        // a line without enough adopters says so, as the API marks it, instead of showing figures
        open("prospects", "period=month&to=" + TO);
        long insufficient = ApiResponse.list(api("/v1/analytics/propensity?date=2026-10-31&limit=20").path("lines"))
                .stream().filter(l -> l.path("status").asText().equals("insufficient_data")).count();
        assertThat(insufficient).isPositive();
        assertThat(browser.findElements(By.cssSelector("[data-status='insufficient_data']"))).hasSize((int) insufficient);
        browser.manage().window().setSize(new Dimension(390, 844));
        open("overview", "period=month&to=" + TO);
        screenshot("overview-phone");
        assertThat(browser.findElements(By.cssSelector("[data-field]")).get(0).getRect().getWidth()).isLessThan(390);
        browser.manage().window().setSize(new Dimension(1280, 1500));
    }

    @Test
    @Order(4)
    void overviewHeadlinesAreTheApisForTheSamePeriodAndThePrevious() {
        open("overview", "period=month&to=" + TO);
        JsonNode now = api("/v1/metrics/cross-sell?from=" + FROM + "&to=" + TO);
        JsonNode before = api("/v1/metrics/cross-sell?from=2026-09-01&to=" + FROM);
        for (String field : List.of("ending_mrr", "cross_sell_mrr", "cross_sell_rate_pct", "customer_cross_sell_rate_pct",
                "products_per_customer", "attachment_rate")) {
            WebElement value = browser.findElement(By.cssSelector("[data-field='" + field + "'] .value"));
            assertThat(new BigDecimal(value.getAttribute("data-raw"))).as(field)
                    .isEqualByComparingTo(now.path(field).decimalValue());
        }
        assertThat(text("[data-field='ending_mrr'] .value")).isEqualTo(dollars(now.path("ending_mrr").decimalValue()));
        assertThat(text("[data-field='cross_sell_mrr'] .value")).isEqualTo(dollars(now.path("cross_sell_mrr").decimalValue()));
        assertThat(text("[data-field='ending_mrr'] .delta")).contains(dollars(before.path("ending_mrr").decimalValue()));
        assertThat(browser.findElement(By.cssSelector("[data-field='benchmark_verdict']")).getAttribute("data-raw"))
                .isEqualTo(now.path("benchmark").path("verdict").asText());
        for (String ratio : List.of("net_revenue_retention_pct", "gross_revenue_retention_pct")) {
            assertThat(new BigDecimal(browser.findElement(By.cssSelector("[data-field='" + ratio + "'] .value"))
                    .getAttribute("data-raw"))).as(ratio).isEqualByComparingTo(now.path(ratio).decimalValue());
        }


        // a quarter chosen in the picker shows the API's quarter
        new Select(browser.findElement(By.id("period-kind"))).selectByValue("quarter");
        browser.findElement(By.cssSelector("form.picker button")).click();
        wait.until(d -> d.getCurrentUrl().contains("period=quarter"));
        waitForPage("overview");
        JsonNode quarter = api("/v1/metrics/cross-sell?from=2026-08-01&to=" + TO);
        assertThat(new BigDecimal(browser.findElement(By.cssSelector("[data-field='cross_sell_mrr'] .value"))
                .getAttribute("data-raw"))).isEqualByComparingTo(quarter.path("cross_sell_mrr").decimalValue());
        assertThat(text("#period-label")).startsWith("2026-08-01 to 2026-10-31");
    }

    @Test
    @Order(5)
    void movementsShowTheApisBridge() {
        open("movements", "period=month&to=" + TO);
        JsonNode now = api("/v1/metrics/cross-sell?from=" + FROM + "&to=" + TO);
        String page = browser.findElement(By.tagName("main")).getAttribute("textContent");
        assertThat(page).contains(dollars(now.path("starting_mrr").decimalValue()), dollars(now.path("ending_mrr").decimalValue()),
                dollars(now.path("cross_sell_mrr").decimalValue()));
    }

    @Test
    @Order(6)
    void aBadRowOfTheUploadIsShownWithFileLineAndColumn() throws IOException {
        open("data", "");
        Map<String, String> bad = WorkedExample.files();
        bad.put("customers.csv", bad.get("customers.csv") + "c5,Customer 5 again,smb\n");
        Path zip = Files.createTempFile("bad-upload-", ".zip");
        Files.write(zip, Zips.zip(bad));
        browser.findElement(By.id("upload-file")).sendKeys(zip.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form.upload button")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#upload-result table")).isEmpty());
        List<String> cells = browser.findElements(By.cssSelector("#upload-result tbody td")).stream().map(WebElement::getText).toList();
        assertThat(cells.subList(0, 3)).containsExactly("customers.csv", "90", "customer_id");
        assertThat(text("#upload-result .error")).contains("nothing was stored");
        screenshot("data-upload-error");
        browser.manage().logs().get(LogType.BROWSER); // the refused upload's 422 is expected
    }

    @Test
    @Order(7)
    void aScheduleCreatedInThePageIsTheApis() throws IOException {
        open("reports", "");
        browser.findElement(By.id("schedule-zone")).clear();
        browser.findElement(By.id("schedule-zone")).sendKeys("Europe/Berlin");
        browser.findElement(By.id("schedule-recipients")).sendKeys("cfo@example.com");
        browser.findElement(By.cssSelector("form.schedule-form button")).click();
        wait.until(d -> d.findElement(By.id("schedule-result")).getText().contains("Schedule created"));
        JsonNode schedules = api("/v1/report-schedules");
        assertThat(schedules).hasSize(1);
        assertThat(schedules.get(0).path("recipients").get(0).asText()).isEqualTo("cfo@example.com");
        assertThat(schedules.get(0).path("time_zone").asText()).isEqualTo("Europe/Berlin");
        wait.until(d -> d.findElement(By.tagName("main")).getText().contains("cfo@example.com"));
        String id = schedules.get(0).path("id").asText();

        browser.findElement(By.cssSelector("[data-edit='" + id + "']")).click();
        new Select(browser.findElement(By.id("schedule-cadence"))).selectByValue("weekly");
        browser.findElement(By.id("schedule-day")).clear();
        browser.findElement(By.id("schedule-day")).sendKeys("3");
        browser.findElement(By.id("schedule-recipients")).clear();
        browser.findElement(By.id("schedule-recipients")).sendKeys("cfo@example.com, revops@example.com");
        browser.findElement(By.id("schedule-submit")).click();
        wait.until(d -> d.findElement(By.id("schedule-result")).getText().contains("Schedule changed"));
        JsonNode changed = api("/v1/report-schedules/" + id);
        assertThat(changed.path("cadence").asText()).isEqualTo("weekly");
        assertThat(changed.path("send_day").asInt()).isEqualTo(3);
        assertThat(changed.path("recipients")).hasSize(2);
        assertThat(api("/v1/report-schedules")).hasSize(1);

        browser.findElement(By.id("send-from")).sendKeys("10/01/2026");
        browser.findElement(By.id("send-to")).sendKeys("11/01/2026");
        browser.findElement(By.cssSelector("[data-send='" + id + "']")).click();
        wait.until(d -> d.findElement(By.id("schedule-result")).getText().contains("stored"));
        JsonNode reports = api("/v1/reports");
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).path("from").asText()).isEqualTo(FROM);
        assertThat(reports.get(0).path("to").asText()).isEqualTo(TO);
        wait.until(d -> !d.findElements(By.cssSelector("[data-report='" + reports.get(0).path("id").asText() + "']")).isEmpty());
        screenshot("reports");
        assertThat(severeConsoleEntries()).isEmpty();
    }

    @Test
    @Order(8)
    void theCookieAloneCannotChangeStateAndCannotReadAnotherTenant() {
        String cookie = "xsell_session=" + browser.manage().getCookieNamed("xsell_session").getValue();
        assertThat(browser.manage().getCookieNamed("xsell_session").isHttpOnly()).isTrue();
        assertThat(browser.manage().getCookieNamed("xsell_session").getSameSite()).isEqualTo("Strict");
        byte[] body = "{\"recipients\":[\"x@example.com\"]}".getBytes();
        ApiResponse forged = APP.send(APP.request("/v1/report-schedules", null).header("Cookie", cookie)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertThat(forged.status()).isEqualTo(403);
        assertThat(api("/v1/report-schedules")).hasSize(1);

        IssuedKey other = APP.createTenant("other");
        String importId = api("/v1/imports").get(0).path("id").asText();
        ApiResponse otherSignIn = APP.send(APP.request("/web/session", null).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("api_key=" + other.apiKey())).build());
        assertThat(otherSignIn.status()).isEqualTo(200);
        String otherCookie = otherSignIn.header("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(APP.send(APP.request("/v1/imports/" + importId, null).header("Cookie", otherCookie).GET().build()).status())
                .isEqualTo(404);
        assertThat(APP.send(APP.request("/v1/imports/" + importId, null).header("Cookie", cookie).GET().build()).status())
                .isEqualTo(200);
        assertThat(APP.send(APP.request("/v1/report-schedules", null).header("Cookie", otherCookie).GET().build()).json())
                .isEmpty();
    }

    @Test
    @Order(9)
    void signOutEndsTheSession() {
        open("overview", "to=" + TO);
        String cookie = "xsell_session=" + browser.manage().getCookieNamed("xsell_session").getValue();
        browser.findElement(By.id("sign-out")).click();
        wait.until(d -> d.getCurrentUrl().contains("/web/sign-in.html"));
        assertThat(APP.send(APP.request("/v1/imports", null).header("Cookie", cookie).GET().build()).status()).isEqualTo(401);
        browser.get(APP.uri("/web/#data").toString());
        wait.until(d -> d.getCurrentUrl().contains("/web/sign-in.html"));
    }

    @Test
    @Order(10)
    void rotatingTheKeyEndsItsSessions() {
        signIn(tenant.apiKey());
        String cookie = "xsell_session=" + browser.manage().getCookieNamed("xsell_session").getValue();
        assertThat(APP.send(APP.request("/v1/imports", null).header("Cookie", cookie).GET().build()).status()).isEqualTo(200);
        tenant = APP.administration().rotateKey(tenant.tenant().name());
        assertThat(APP.send(APP.request("/v1/imports", null).header("Cookie", cookie).GET().build()).status()).isEqualTo(401);
    }

    @Test
    @Order(11)
    void anEarnedInsightShowsItsIntervalGroupSizesAndPValue() throws IOException {
        String from = "2025-10-01"; // 13 months: the attached cohort is followed for 12
        signIn(evidence.apiKey());
        severeConsoleEntries(); // drains the 401 the signed-out page of the test before logged
        open("overview", "period=custom&from=" + from + "&to=" + TO);
        JsonNode insights = APP.get("/v1/analytics/insights?from=" + from + "&to=" + TO, evidence.apiKey())
                .expectJson(200).path("insights");
        JsonNode compared = null;
        for (int i = 0; i < Math.min(5, insights.size()) && compared == null; i++) {
            compared = insights.get(i).path("comparison").isObject() ? insights.get(i).path("comparison") : null;
        }
        assertThat(compared).as("the planted effect's insight among the top five: %s", insights).isNotNull();
        WebElement shown = browser.findElement(By.cssSelector(".insight .evidence[data-ci-low]"));
        assertThat(new BigDecimal(shown.getAttribute("data-ci-low")))
                .isEqualByComparingTo(compared.path("ci_low_pct_points").decimalValue());
        assertThat(new BigDecimal(shown.getAttribute("data-ci-high")))
                .isEqualByComparingTo(compared.path("ci_high_pct_points").decimalValue());
        assertThat(shown.getText()).contains("95 % interval",
                String.format(Locale.US, "%,d customers", compared.path("customers_a").asLong()));
        assertThat(shown.getText()).containsPattern("p (= 0\\.\\d+|< 0\\.0001)");
        screenshot("overview-insight-evidence");
        assertThat(severeConsoleEntries()).isEmpty();
    }

    private void signIn(String key) {
        browser.get(APP.uri("/web/sign-in.html").toString());
        browser.findElement(By.id("api_key")).sendKeys(key);
        browser.findElement(By.cssSelector("#sign-in-form button")).click();
        wait.until(d -> d.getCurrentUrl().contains("/web/") && !d.getCurrentUrl().contains("sign-in"));
        waitForPage("overview");
    }

    private void open(String page, String query) {
        browser.get(APP.uri("/web/#" + page + (query.isEmpty() ? "" : "?" + query)).toString());
        // hash-only changes do not reload: force a fresh document for each page
        browser.navigate().refresh();
        waitForPage(page);
    }

    /** The page rendered, nothing still loading, and every sparkline or chart drawn. */
    private void waitForPage(String page) {
        wait.until(d -> !d.findElements(By.cssSelector(".page[data-page='" + page + "'][data-ready]")).isEmpty()
                && d.findElements(By.cssSelector(".loading")).isEmpty()
                && d.findElements(By.cssSelector(".chart:empty")).isEmpty()
                && (!page.equals("overview") || !d.findElements(By.cssSelector(".spark .chart canvas")).isEmpty()));
        assertThat(browser.findElement(By.cssSelector(".page")).getAttribute("data-ready")).isEqualTo("true");
        assertThat(browser.findElements(By.cssSelector(".page .error")).stream().map(WebElement::getText).toList())
                .as("errors shown on " + page).isEmpty();
    }

    private List<String> severeConsoleEntries() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    private void screenshot(String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private JsonNode api(String path) {
        return APP.get(path, tenant.apiKey()).expectJson(200);
    }

    private static String dollars(BigDecimal amount) {
        return new DecimalFormat("$#,##0.00", DecimalFormatSymbols.getInstance(Locale.US)).format(amount);
    }

    static {
        if (Files.notExists(SCREENSHOTS.getParent())) {
            try {
                Files.createDirectories(SCREENSHOTS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
