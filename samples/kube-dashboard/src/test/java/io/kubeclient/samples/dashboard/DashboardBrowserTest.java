package io.kubeclient.samples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubeclient.testing.FakeApiServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The page in a real browser: headless Chromium from the Debian packages {@code chromium} and
 * {@code chromium-driver}, driven by Selenium through {@code /usr/bin/chromedriver} (nothing is
 * downloaded). Skipped when Chromium is absent, except in CI ({@code CI=true}), where it fails.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "dashboard.simulator.enabled=false")
class DashboardBrowserTest {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    static ChromeDriver browser;
    static Path profile;

    @LocalServerPort
    int port;

    @Autowired
    FakeApiServer server;

    @BeforeAll
    static void startBrowser() throws Exception {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            String message = "Chromium browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian packages chromium and chromium-driver: apt-get install -y chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI=true but " + message);
            }
            Assumptions.abort("Skipped: " + message);
        }
        profile = Files.createTempDirectory("kube-dashboard-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void openPage() {
        browser.get("http://localhost:" + this.port + "/");
        waitFor().until(ExpectedConditions.textToBe(By.id("conn"), "live"));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#deployments tr[data-key='shop/frontend']")));
    }

    @Test
    void showsAPodTheServerCreates() {
        assertThat(browser.findElements(By.cssSelector("#pods tr[data-key='shop/browser-probe']"))).isEmpty();

        this.server.put(DashboardEndToEndTest.pod("shop", "browser-probe"));

        By probe = By.cssSelector("#pods tr[data-key='shop/browser-probe']");
        String row = waitFor().until((d) -> d.findElement(probe).getText());
        assertThat(row).contains("shop", "browser-probe").containsAnyOf("Pending", "Running");
    }

    @Test
    void scalesADeploymentWhenThePlusButtonIsClicked() {
        By prometheus = By.cssSelector("#deployments tr[data-key='monitoring/prometheus']");
        // The table is re-rendered by server-sent events at any moment: every lookup may meet a row
        // that was just replaced, so each step retries on a stale element (a stale click never happened).
        int before = waitFor().until((d) -> Integer.parseInt(
                d.findElement(prometheus).findElement(By.className("desired")).getText()));

        waitFor().until((d) -> {
            d.findElement(prometheus).findElement(By.className("scale-up")).click();
            return true;
        });

        String expected = String.valueOf(before + 1);
        waitFor().until((d) -> d.findElement(prometheus).findElement(By.className("desired")).getText().equals(expected));
        Deployment stored = this.server.get(Deployment.class, "monitoring", "prometheus");
        assertThat(stored.getSpec().getReplicas()).isEqualTo(before + 1);
    }

    private static WebDriverWait waitFor() {
        WebDriverWait wait = new WebDriverWait(browser, TIMEOUT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }
}
