package io.openoms.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven by its chromedriver (paths fixed: Selenium Manager never runs, so
 * nothing is downloaded), on the dashboard at {@code origin}. Keeps the browser's console and network
 * logs so a test can prove the page stayed clean: no console error it did not expect, no request to
 * another origin, the API key in no URL.
 */
final class DashboardBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

    final ChromeDriver driver;
    final String origin;
    private final List<String> requests = new ArrayList<>();

    DashboardBrowser(String origin) {
        this.origin = origin;
        assertThat(CHROMIUM)
                .as("Chromium (apt-get install chromium chromium-driver)")
                .isExecutable();
        assertThat(CHROMEDRIVER)
                .as("chromedriver (apt-get install chromium-driver)")
                .isExecutable();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-dev-shm-usage",
                        "--window-size=1440,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    void open() {
        driver.get(origin + "/ui/");
    }

    /** Signs in with {@code key}, signing out first whoever is signed in. */
    void signIn(String key) {
        if (find("sign-out").isDisplayed()) {
            signOut();
        }
        WebElement input = find("api-key");
        input.clear();
        input.sendKeys(key);
        driver.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        await("signed in", d -> d.findElement(By.id("dashboard")).isDisplayed());
        await("stream live", d -> "live".equals(find("stream-status").getAttribute("data-state")));
    }

    void signOut() {
        find("sign-out").click();
        await("signed out", d -> find("sign-in").isDisplayed());
    }

    void tab(String name) {
        find("tab-" + name).click();
        await(name + " shown", d -> find("view-" + name).isDisplayed());
    }

    WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    <T> T await(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT)
                .withMessage(() -> what + "; the page says: "
                        + driver.findElement(By.tagName("body")).getText())
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    T value = condition.apply(d);
                    return value instanceof Boolean b && !b ? null : value;
                });
    }

    void fill(String formId, Map<String, String> values) {
        for (Map.Entry<String, String> entry : values.entrySet()) {
            WebElement field = driver.findElement(By.cssSelector("#" + formId + " [name=" + entry.getKey() + "]"));
            if ("select".equals(field.getTagName())) {
                // selectByValue also matches an option whose value is its text
                new org.openqa.selenium.support.ui.Select(field).selectByValue(entry.getValue());
            } else {
                field.clear();
                field.sendKeys(entry.getValue());
            }
        }
    }

    /** Writes the page as it looks now to target/dashboard-screenshots/{name}.png. */
    void screenshot(String name) {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts the console showed no error nor warning except those matching {@code expected} (a refused
     * request the test provoked), every request went to the dashboard's origin and none carried {@code
     * secret}. Reading the logs empties them: each call checks what happened since the last.
     */
    void assertClean(String secret, Pattern... expected) {
        List<String> problems = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            String message = entry.getMessage();
            boolean wanted =
                    List.of(expected).stream().anyMatch(p -> p.matcher(message).find());
            if (entry.getLevel().intValue() >= Level.WARNING.intValue() && !wanted) {
                problems.add(entry.getLevel() + " " + message);
            }
        }
        assertThat(problems).as("console errors and warnings").isEmpty();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = json(entry.getMessage()).path("message");
            if ("Network.requestWillBeSent".equals(message.path("method").asText())) {
                requests.add(message.path("params").path("request").path("url").asText());
            }
        }
        assertThat(requests).as("requests").isNotEmpty().allSatisfy(url -> {
            assertThat(url).startsWith(origin + "/");
            assertThat(url).doesNotContain(secret);
        });
    }

    /** Every URL the page requested so far. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    private static JsonNode json(String text) {
        try {
            return ApiClient.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
