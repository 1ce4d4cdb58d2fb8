package io.xsell.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.server.fixture.XsellJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer does: runs {@code demo} as its own process, reads the URL and key it prints,
 * and pastes the printed curl commands. Each must answer 200 with metrics of the demo tenant.
 */
class DemoCommandTest {
    private static final Pattern URL = Pattern.compile("xsell is running at (http://localhost:\\d+)");
    private static final Pattern KEY = Pattern.compile("API key of tenant 'demo': (xsk_\\S+)");
    private static final Pattern LINK = Pattern.compile("Dashboard \\(one-time sign-in link\\): (\\S+)");
    private static final Pattern CURL = Pattern.compile("curl -H 'Authorization: Bearer (\\S+)' '(\\S+)'");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void startsAServerWithADemoTenantAndPrintsCommandsThatWork() throws Exception {
        Process demo = new ProcessBuilder(XsellJvm.command(List.of("-Ddw.database.url=jdbc:sqlite:" + dir.resolve("xsell.db"),
                "-Ddw.server.applicationConnectors[0].port=0", "-Ddw.server.adminConnectors[0].port=0"),
                "demo", "--customers", "400"))
                .redirectError(dir.resolve("demo.err").toFile())
                .start();
        try {
            List<String> printed = new ArrayList<>();
            String url = null;
            String key = null;
            String link = null;
            List<String[]> curls = new ArrayList<>();
            BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = out.readLine()) != null && !line.startsWith("OpenAPI:"); ) {
                printed.add(line);
                Matcher m;
                if ((m = URL.matcher(line)).find()) {
                    url = m.group(1);
                } else if ((m = LINK.matcher(line)).find()) {
                    link = m.group(1);
                } else if ((m = KEY.matcher(line)).find()) {
                    key = m.group(1);
                } else if ((m = CURL.matcher(line)).find()) {
                    curls.add(new String[] {m.group(1), m.group(2)});
                }
            }
            assertThat(url).as("printed: %s", printed).isNotNull();
            assertThat(key).isNotNull();
            assertThat(curls).hasSize(3);

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            for (String[] curl : curls) {
                assertThat(curl[0]).isEqualTo(key);
                assertThat(curl[1]).startsWith(url + "/v1/metrics/");
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(curl[1]))
                        .header("Authorization", "Bearer " + curl[0]).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(curl[1] + " -> " + response.body()).isEqualTo(200);
            }
            HttpResponse<String> crossSell = http.send(HttpRequest.newBuilder(URI.create(curls.get(0)[1]))
                    .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(crossSell.body()).contains("\"cross_sell_mrr\"", "\"by_segment\"");
            assertThat(crossSell.body()).doesNotContain("\"starting_mrr\" : 0.00,");
            // the demo account comes with campaigns and usage: the engagement analytics have data
            String window = curls.get(0)[1].replaceAll(".*\\?(from=[^&]+&to=[^&]+).*", "$1");
            HttpResponse<String> campaigns = http.send(HttpRequest.newBuilder(URI.create(url + "/v1/analytics/campaigns?"
                    + window)).header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(campaigns.statusCode()).as(campaigns.body()).isEqualTo(200);
            assertThat(campaigns.body()).contains("\"campaign_id\":\"discover-tour\"");
            assertThat(campaigns.body()).doesNotContain("\"attributed_cross_sell_mrr\":0.00,\"attributed_cross_sells\":0,\"unattributed");

            // the dashboard link signs in on its first use only, and opens the last month of the data
            assertThat(link).startsWith(url + "/web/login?token=").endsWith("#overview?to=2026-11-01");
            HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(link.replaceAll("#.*", ""))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(first.statusCode()).isEqualTo(303);
            assertThat(first.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/web/"));
            String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).contains("HttpOnly", "SameSite=Strict", "Max-Age=");
            HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create(url + "/web/session"))
                    .header("Cookie", cookie.split(";")[0]).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(session.statusCode()).isEqualTo(200);
            assertThat(session.body()).contains("\"tenant\":\"demo\"");
            HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(link.replaceAll("#.*", ""))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(again.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("sign-in.html?expired"));
        } finally {
            demo.destroy();
            if (!demo.waitFor(30, TimeUnit.SECONDS)) {
                demo.destroyForcibly();
            }
        }
    }
}
