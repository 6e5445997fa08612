package org.stagewatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard of the demo DAO in headless Chromium: it loads with every chart drawn, shows the numbers the
 * API gives (stage, Nakamoto coefficient, Gini, proposal count, council threshold, each phase's progress and each
 * milestone's status, each decision's holders and routes), moves to an earlier block
 * with the time picker (the URL carries it) and shows that block's stage, milestones and decisions, and is saved as a screenshot in
 * target/dashboard.png (and a phone-sized one). Skipped, saying why, where Chromium and its driver are missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Path> CHROMIUM = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"),
            Path.of("/usr/bin/google-chrome"));
    private static final List<Path> DRIVERS = List.of(Path.of("/usr/bin/chromedriver"), Path.of("/usr/lib/chromium/chromedriver"));

    ServedDemo demo;
    WebDriver browser;

    @BeforeAll
    void start() throws Exception {
        Path chromium = CHROMIUM.stream().filter(Files::isExecutable).findFirst().orElse(null);
        Path driver = DRIVERS.stream().filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(chromium != null && driver != null,
                "headless Chromium and its driver are needed: apt-get install -y chromium chromium-driver");
        demo = new ServedDemo(31337, true, 0, true, false, "finalityDepth: 3");
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,2400");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).build(), options);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void shouldShowTheApisNumbersAndTravelBackInTime() throws Exception {
        browser.get(demo.base + "/?dao=demo");
        awaitReady();
        JsonNode stage = api("/stage");
        JsonNode metrics = api("/metrics");
        JsonNode councils = api("/councils");
        assertThat(text("stage-label")).isEqualTo(stage.path("stageLabel").asText());
        assertThat(browser.findElements(By.cssSelector("#requirements tbody tr"))).hasSize(stage.path("requirements").size());
        assertThat(browser.findElement(By.cssSelector("[data-metric=nakamoto]")).getText())
                .isEqualTo(metrics.path("nakamoto").path("majority").asText());
        assertThat(browser.findElement(By.cssSelector("[data-metric=gini]")).getText())
                .isEqualTo(String.format(Locale.ROOT, "%.4f", metrics.path("gini").asDouble()));
        assertThat(browser.findElement(By.id("proposals")).getDomAttribute("data-count"))
                .isEqualTo(Integer.toString(api("/proposals").path("proposals").size()));
        JsonNode council = councils.path("councils").get(0);
        assertThat(text("councils")).contains(council.path("threshold").asText() + " of " + council.path("owners").size());
        for (String chart : List.of("equalizer", "series", "proposals")) {
            assertThat(browser.findElements(By.cssSelector("#" + chart + " svg path"))).as(chart + " drawn").isNotEmpty();
        }
        assertThat(browser.findElements(By.cssSelector("#graph canvas"))).as("control graph drawn").isNotEmpty();
        assertShowsTheMilestones(api("/milestones"));
        assertThat(browser.findElements(By.cssSelector("#milestone-graph canvas"))).as("milestone DAG drawn").isNotEmpty();
        assertShowsTheDecisions(api("/decisions"));
        save("dashboard.png");

        // the first rated point of the stage history differs from the head's stage (or a requirement's status)
        JsonNode first = api("/stage/history").path("changes").get(0);
        long earlier = first.path("block").asLong();
        JsonNode then = api("/stage?block=" + earlier);
        assertThat(then.toString()).isNotEqualTo(stage.toString());
        var block = browser.findElement(By.id("block"));
        block.clear();
        block.sendKeys(Long.toString(earlier));
        browser.findElement(By.cssSelector("#picker button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver ->
                Long.toString(earlier).equals(driver.findElement(By.tagName("body")).getDomAttribute("data-block"))
                        && "ready".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-state")));
        assertThat(browser.getCurrentUrl()).contains("block=" + earlier);
        assertThat(text("stage-label")).isEqualTo(then.path("stageLabel").asText());
        for (JsonNode requirement : then.path("requirements")) {
            String shown = browser.findElement(By.cssSelector("tr[data-requirement='" + requirement.path("id").asText() + "'] td:nth-child(3)"))
                    .getText();
            assertThat(shown).as(requirement.path("id").asText()).isEqualTo(requirement.path("status").asText());
        }
        assertShowsTheMilestones(api("/milestones?block=" + earlier));
        assertShowsTheDecisions(api("/decisions?block=" + earlier));
        save("dashboard-earlier.png");

        browser.manage().window().setSize(new Dimension(390, 2400));
        browser.navigate().refresh();
        awaitReady();
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
        save("dashboard-phone.png");
    }

    /** Every phase's progress and every milestone's status (with what blocks it) as the API gives them. */
    private void assertShowsTheMilestones(JsonNode milestones) {
        assertThat(milestones.path("phases").size()).as("the demo declares phases").isPositive();
        for (JsonNode phase : milestones.path("phases")) {
            String id = phase.path("id").asText();
            assertThat(browser.findElement(By.cssSelector("[data-phase='" + id + "'] .progress")).getText()).as("phase " + id)
                    .isEqualTo(phase.path("achieved").asInt() + "/" + phase.path("total").asInt());
            assertThat(browser.findElements(By.cssSelector("[data-phase='" + id + "'] .complete"))).as("phase " + id + " complete")
                    .hasSize(phase.path("complete").asBoolean() ? 1 : 0);
        }
        assertThat(browser.findElements(By.cssSelector("#milestones tbody tr"))).hasSize(milestones.path("milestones").size());
        for (JsonNode milestone : milestones.path("milestones")) {
            String id = milestone.path("id").asText();
            List<String> blockedBy = new ArrayList<>();
            milestone.path("blockedBy").forEach(dependency -> blockedBy.add(dependency.asText()));
            String status = milestone.path("status").asText() + (blockedBy.isEmpty() ? "" : " by " + String.join(", ", blockedBy));
            assertThat(browser.findElement(By.cssSelector("tr[data-milestone='" + id + "'] td:nth-child(3)")).getText()).as(id).isEqualTo(status);
            for (JsonNode evidence : milestone.path("evidence")) {
                assertThat(browser.findElement(By.cssSelector("tr[data-milestone='" + id + "'] td:nth-child(5)")).getText()).as(id)
                        .contains(evidence.path("what").asText());
            }
        }
    }

    /** Every decision's holders, and one row per route of each of its permissions (or one saying there is none). */
    private void assertShowsTheDecisions(JsonNode decisions) {
        assertThat(decisions.path("decisions").size()).as("the demo declares decisions").isPositive();
        for (JsonNode decision : decisions.path("decisions")) {
            String id = decision.path("id").asText();
            List<String> holders = new ArrayList<>();
            decision.path("holders").forEach(holder -> holders.add(holder.asText()));
            assertThat(browser.findElement(By.cssSelector("td[data-decision='" + id + "'] .holders")).getText()).as(id)
                    .isEqualTo(holders.isEmpty() ? "nobody" : String.join(", ", holders));
            int rows = 0;
            List<String> shownHolders = browser.findElements(By.cssSelector("tr[data-decision-row='" + id + "']")).stream()
                    .map(row -> row.getText()).toList();
            for (JsonNode permission : decision.path("permissions")) {
                rows += (permission.path("known").asBoolean() ? Math.max(1, permission.path("routes").size()) : 1)
                        + (permission.path("truncated").asBoolean() ? 1 : 0);
                for (JsonNode route : permission.path("routes")) {
                    assertThat(shownHolders).as(id).anySatisfy(row -> assertThat(row).contains(route.path("holder").asText())
                            .contains(route.path("gate").asText()));
                }
            }
            assertThat(shownHolders).as(id + " rows").hasSize(rows);
        }
    }

    private void awaitReady() {
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(driver -> {
            String state = driver.findElement(By.tagName("body")).getDomAttribute("data-state");
            if ("error".equals(state)) {
                throw new AssertionError("dashboard error: " + driver.findElement(By.id("where")).getText());
            }
            return "ready".equals(state);
        });
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private JsonNode api(String path) throws Exception {
        return JSON.readTree(demo.get("/api/v1/daos/demo" + path).body());
    }

    private void save(String name) throws Exception {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        System.out.println("screenshot: " + target.toAbsolutePath());
    }
}
