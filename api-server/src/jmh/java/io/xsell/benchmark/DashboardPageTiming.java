package io.xsell.benchmark;

import io.xsell.server.web.Chromium;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Page-load timing of the dashboard in Debian's Chromium against a running server (a load
 * generator, not a test): signs in with the key, opens each page once to warm the server, then
 * opens it {@code runs} times in a fresh document and prints the median and worst time from
 * navigation start to the page's figures ({@code numbers-shown} on the overview, {@code page-ready}
 * elsewhere) and to the last panel loaded.
 *
 * <pre>java -cp ... io.xsell.benchmark.DashboardPageTiming http://localhost:8080 xsk_... 2026-11-01 5</pre>
 */
public final class DashboardPageTiming {
    private static final List<String> PAGES = List.of("overview", "movements", "lines", "cohorts", "basket",
            "prospects", "campaigns", "data", "reports");

    private DashboardPageTiming() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String key = args[1];
        String to = args[2];
        int runs = Integer.parseInt(args[3]);
        ChromeDriver browser = Chromium.start(Files.createTempDirectory("xsell-timing-"));
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(5), Duration.ofMillis(20));
            browser.get(url + "/web/sign-in.html");
            browser.findElement(By.id("api_key")).sendKeys(key);
            browser.findElement(By.cssSelector("#sign-in-form button")).click();
            wait.until(d -> !d.findElements(By.cssSelector(".page[data-ready]")).isEmpty());
            System.out.printf("%-10s %12s %12s %12s %12s%n", "page", "figures p50", "figures max", "all p50", "all max");
            for (String page : PAGES) {
                List<Double> figures = new ArrayList<>();
                List<Double> all = new ArrayList<>();
                for (int run = -1; run < runs; run++) {
                    browser.get(url + "/web/#" + page + "?period=month&to=" + to);
                    browser.navigate().refresh();
                    wait.until(d -> !d.findElements(By.cssSelector(".page[data-ready]")).isEmpty()
                            && d.findElements(By.cssSelector(".loading")).isEmpty());
                    double done = ((Number) browser.executeScript("return performance.now()")).doubleValue();
                    String mark = page.equals("overview") ? "numbers-shown" : "page-ready";
                    double shown = ((Number) browser.executeScript(
                            "return performance.getEntriesByName(arguments[0])[0].startTime", mark)).doubleValue();
                    if (run >= 0) {
                        figures.add(shown);
                        all.add(done);
                    }
                }
                System.out.printf("%-10s %10.0f ms %10.0f ms %10.0f ms %10.0f ms%n", page, median(figures),
                        Collections.max(figures), median(all), Collections.max(all));
            }
        } finally {
            browser.quit();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
