package io.xsell.server.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's chromium driven by Debian's chromedriver, headless, with a fresh profile and no
 * network of its own. Both paths are given, so Selenium Manager never runs (it would try to
 * download a browser). Without them the test is skipped locally and fails when
 * {@value #REQUIRE_ENV}{@code =true} (set by .ci/run) or {@code CI} is set, so CI never skips it.
 */
public final class Chromium {
    public static final String REQUIRE_ENV = "XSELL_REQUIRE_BROWSER";
    static final File BROWSER = new File("/usr/bin/chromium");
    static final File DRIVER = new File("/usr/bin/chromedriver");

    private Chromium() {
    }

    public static ChromeDriver start(Path profile) {
        boolean present = BROWSER.canExecute() && DRIVER.canExecute();
        boolean required = "true".equalsIgnoreCase(System.getenv(REQUIRE_ENV)) || System.getenv("CI") != null;
        if (!present && !required) {
            Assumptions.abort("no /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        }
        if (!present) {
            throw new IllegalStateException(REQUIRE_ENV + "/CI require /usr/bin/chromium and /usr/bin/chromedriver "
                    + "(apt-get install chromium chromium-driver; .ci/run installs them)");
        }
        try {
            Files.createDirectories(profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1500", "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build();
        return new ChromeDriver(service, options);
    }
}
