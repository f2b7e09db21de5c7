package io.openoms.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.app.http.ApiClient.Response;
import io.openoms.simulators.net.CuttableTcpProxy;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The dashboard in a real headless Chromium against the whole app, one session of a trader, an admin
 * and a viewer. The venue's update stream is down for good and the order monitor idle, so a market
 * order rests unfilled until the admin approves the fix reconciliation proposes; that is how the fill
 * reaches the blotter, the position and the chart here. The browser reaches the app through a relay the
 * test can cut, to lose and regain the event stream. Screenshots of each view go to
 * target/dashboard-screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {
    private static final Pattern REFUSED_SUBMIT =
            Pattern.compile("/api/v1/orders - Failed to load resource: the server responded with a status of 4");
    /** The venue's stream is down on purpose here, so readiness answers 503 and Chromium logs it. */
    private static final Pattern NOT_READY =
            Pattern.compile("/health/ready - Failed to load resource: the server responded with a status of 503");

    private ApiTestApp app;
    private CuttableTcpProxy relay;
    private DashboardBrowser browser;

    @BeforeAll
    void start() {
        // Like the PostgreSQL suites: skipped on a machine without Chromium, unless CI requires them.
        boolean installed = java.nio.file.Files.isExecutable(DashboardBrowser.CHROMIUM)
                && java.nio.file.Files.isExecutable(DashboardBrowser.CHROMEDRIVER);
        boolean required = "true".equalsIgnoreCase(System.getenv("OMS_TEST_BROWSER_REQUIRED"));
        org.junit.jupiter.api.Assumptions.assumeTrue(
                installed || required,
                "no /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver);"
                        + " OMS_TEST_BROWSER_REQUIRED=true makes this a failure");
        app = ApiTestApp.start(TestDatabase.Kind.EMBEDDED, ReconciliationDecisionsIT.YAML);
        relay = new CuttableTcpProxy("127.0.0.1", app.runtime.httpPort());
        browser = new DashboardBrowser("http://127.0.0.1:" + relay.port());
    }

    @AfterAll
    void stop() {
        try (ApiTestApp closing = app;
                CuttableTcpProxy closingRelay = relay) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    @Order(1)
    void a_viewer_signs_in_with_a_key_and_sees_no_button_it_cannot_use() {
        browser.open();
        assertThat(browser.find("sign-in").isDisplayed()).isTrue();
        browser.screenshot("sign-in");
        browser.assertClean(app.viewer);
        assertThat(browser.requests()).as("no API call before sign-in").noneMatch(url -> url.contains("/api/"));

        browser.signIn(app.viewer);
        assertThat(browser.find("who").getText()).isEqualTo("viewer-1 · viewer");
        assertThat(browser.find("order-form").isDisplayed()).isFalse();
        browser.tab("risk");
        assertThat(browser.find("trading-state-form").isDisplayed()).isFalse();
        assertThat(browser.find("limits-form").isDisplayed()).isFalse();
        assertThat(browser.find("trading-states").getText()).contains("PAPER", "ACTIVE");
        browser.tab("reconciliation");
        assertThat(browser.find("reconcile-now").isDisplayed()).isFalse();
        browser.tab("health");
        browser.await("health shown", d -> browser.find("health").getText().contains("Database"));
        assertThat(browser.find("health").getText()).contains("Broker", "Engine queue");
        browser.screenshot("health");
        browser.tab("blotter");
        browser.signOut();
        assertThat((Object) browser.driver.executeScript("return sessionStorage.length"))
                .isEqualTo(0L);
        browser.assertClean(app.viewer, NOT_READY);
    }

    @Test
    @Order(2)
    void a_trader_submits_through_the_form_sees_the_api_validation_and_cancels_a_resting_order() {
        browser.signIn(app.trader);
        browser.fill("order-form", Map.of("instrument", "NSE:INFY", "quantity", "two", "type", "MARKET"));
        submitOrder();
        browser.await(
                "the API's message",
                d -> browser.find("order-form-result").getText().contains("quantity"));
        assertThat(browser.find("order-form-result").getText())
                // The API's own message, shown as it came: its wording belongs to the API, not to this test.
                .startsWith("the request has invalid fields: quantity — quantity: must be a decimal number")
                .endsWith("got 'two'");
        browser.screenshot("blotter-validation");

        browser.fill(
                "order-form", Map.of("instrument", "NSE:INFY", "quantity", "2", "type", "MARKET", "strategy", "ui"));
        submitOrder();
        String market = submitted();
        browser.await("the market order in the blotter", d -> !rows(market).isEmpty());

        browser.fill("order-form", Map.of("quantity", "1", "type", "LIMIT", "price", "1400.00"));
        submitOrder();
        String resting = submitted();
        browser.await("the resting order accepted", d -> "ACCEPTED".equals(status(resting)));
        browser.driver
                .findElement(By.cssSelector("tr[data-order-id='" + resting + "'] button[aria-label^=Cancel]"))
                .click();
        browser.await("the resting order cancelled", d -> "CANCELLED".equals(status(resting)));
        assertThat(rows(resting).get(0).getText()).doesNotContain("Cancel");

        browser.driver
                .findElement(By.cssSelector("tr[data-order-id='" + market + "'] button[aria-label^=Details]"))
                .click();
        browser.await(
                "the order's event history",
                d -> browser.find("order-detail").getText().contains("OrderCreated"));
        browser.screenshot("blotter");
        browser.signOut();
        browser.assertClean(app.trader, REFUSED_SUBMIT, NOT_READY);
    }

    @Test
    @Order(3)
    void an_admin_approves_the_proposed_fix_and_the_fill_reaches_the_blotter_the_position_and_the_chart() {
        browser.signIn(app.admin);
        // The blotter loads after sign-in: wait for its row rather than read it at once.
        String market = browser.await("the blotter shows the open market order", d -> d.findElement(
                        By.cssSelector("tr[data-order-id]:not([data-status=CANCELLED])"))
                .getAttribute("data-order-id"));
        assertThat(status(market)).isNotEqualTo("FILLED");
        browser.tab("pnl");
        String pointsBefore =
                browser.await("the chart loaded", d -> browser.find("pnl-chart").getAttribute("data-points"));

        browser.tab("reconciliation");
        // Runs reconciliation until it proposes the fix (the venue fills on its next tick), then approves it.
        browser.await("a proposed fix for the missing fill, approved", d -> {
            List<WebElement> approve =
                    browser.all("tr[data-kind=MISSING_FILL] button[aria-label^=Approve]:not([disabled])");
            if (approve.isEmpty()) {
                browser.find("reconcile-now").click();
                return false;
            }
            browser.screenshot("reconciliation");
            approve.get(0).click();
            return true;
        });
        browser.await(
                "approved", d -> browser.find("reconciliation-result").getText().startsWith("approved by"));

        browser.tab("blotter");
        browser.await("the order filled in the blotter", d -> "FILLED".equals(status(market)));
        browser.screenshot("blotter-filled");
        browser.tab("positions");
        WebElement position = browser.await(
                "the position",
                d -> browser.driver.findElement(By.cssSelector("#positions tr[data-instrument='NSE:INFY']")));
        assertThat(position.getAttribute("data-quantity")).isEqualTo("2");
        assertThat(position.getText()).contains("INR");
        browser.await(
                "the strategy's totals",
                d -> browser.find("portfolio").getText().contains("ui"));
        browser.screenshot("positions");
        browser.tab("pnl");
        browser.await("the chart has a point for the position", d -> {
            String points = browser.find("pnl-chart").getAttribute("data-points");
            return Integer.parseInt(points) > Integer.parseInt(pointsBefore) && Integer.parseInt(points) > 0;
        });
        assertThat(browser.all("#pnl-chart canvas")).isNotEmpty();
        assertThat(browser.find("pnl-figures").getText()).contains("P&L today", "INR", "Drawdown");
        browser.screenshot("pnl");
        browser.assertClean(app.admin, NOT_READY);
    }

    @Test
    @Order(4)
    void an_admin_halts_trading_after_confirming_and_a_submit_is_refused_by_the_kill_switch() {
        browser.tab("risk");
        browser.fill("trading-state-form", Map.of("state", "HALTED", "reason", "browser test halt"));
        browser.driver
                .findElement(By.cssSelector("#trading-state-form button[type=submit]"))
                .click();
        browser.await("the confirmation", d -> browser.find("confirm").isDisplayed());
        assertThat(browser.find("confirm-text").getText()).contains("HALTED", "browser test halt");
        browser.find("confirm-ok").click();
        browser.await("halted", d -> browser.driver
                .findElement(By.cssSelector("#trading-states tr[data-account=PAPER]"))
                .getAttribute("data-state")
                .equals("HALTED"));
        browser.screenshot("risk");

        browser.tab("blotter");
        browser.fill("order-form", Map.of("quantity", "1", "type", "MARKET", "price", ""));
        submitOrder();
        browser.await(
                "refused by the kill switch",
                d -> browser.find("order-form-result").getText().contains("TRADING_STATE"));
        browser.await("the rejection in the blotter", d -> !browser.all("tr[data-status=REJECTED]")
                .isEmpty());

        browser.tab("risk");
        browser.fill("trading-state-form", Map.of("state", "ACTIVE", "reason", "resume"));
        browser.driver
                .findElement(By.cssSelector("#trading-state-form button[type=submit]"))
                .click();
        browser.find("confirm-ok").click();
        browser.await("active again", d -> browser.driver
                .findElement(By.cssSelector("#trading-states tr[data-account=PAPER]"))
                .getAttribute("data-state")
                .equals("ACTIVE"));
        browser.await(
                "rejections by check", d -> browser.find("rejections").getText().contains("TRADING_STATE"));
        browser.assertClean(app.admin, REFUSED_SUBMIT, NOT_READY);
    }

    @Test
    @Order(5)
    void the_page_says_reconnecting_when_the_stream_drops_and_catches_up_when_it_is_back() {
        browser.tab("blotter");
        relay.cut();
        browser.await(
                "reconnecting shown",
                d -> browser.find("stream-status").getText().equals("reconnecting…"));
        browser.screenshot("reconnecting");
        Response during = app.client.post(
                app.trader,
                "/api/v1/orders",
                "{\"instrument\":\"NSE:TCS\",\"side\":\"BUY\",\"quantity\":\"1\",\"type\":\"LIMIT\",\"price\":\"3300\"}");
        assertThat(during.status()).as(during.toString()).isEqualTo(201);
        String missed = during.json().get("id").asText();

        relay.restore();
        browser.await("live again", d -> browser.find("stream-status").getText().equals("live"));
        browser.await("the order placed while disconnected", d -> !rows(missed).isEmpty());
        // While the relay refused, the page's own refreshes failed at the network: expected, and nothing else.
        browser.assertClean(app.admin, NOT_READY, Pattern.compile("net::ERR_"), Pattern.compile("Failed to fetch"));
    }

    private void submitOrder() {
        browser.driver
                .findElement(By.cssSelector("#order-form button[type=submit]"))
                .click();
    }

    /** The id the form reported for the order it just submitted. */
    private String submitted() {
        String text = browser.await("submitted", d -> {
            String result = browser.find("order-form-result").getText();
            return result.startsWith("Order ") ? result : null;
        });
        return text.substring("Order ".length(), text.indexOf(' ', "Order ".length()));
    }

    private List<WebElement> rows(String order) {
        return browser.all("#orders tr[data-order-id='" + order + "']");
    }

    private String status(String order) {
        return rows(order).stream()
                .findFirst()
                .map(r -> r.getAttribute("data-status"))
                .orElse(null);
    }
}
