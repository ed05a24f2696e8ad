package fi.sd.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fi.sd.e2e.KeycloakTokens.Credentials;

/**
 * One headless Chromium (Debian's {@code /usr/bin/chromium} driven through {@code /usr/bin/chromedriver}) for a
 * test class: it signs people in by typing into Keycloak's page, waits for pages and for their live parts
 * without fixed pauses, runs axe-core (WCAG 2.1 A and AA) on every page it arrives at and fails on a serious or
 * critical violation, and saves screenshots.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final Path screenshots;
    private final Path profile;
    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String axe;
    /** Pages checked by axe, by path with its ids taken out, so that each kind of page is checked once in each state. */
    private final Set<String> checked = new LinkedHashSet<>();

    public Browser(String baseUrl, Path screenshots) {
        this.baseUrl = baseUrl;
        this.screenshots = screenshots;
        try {
            Files.createDirectories(screenshots);
            this.profile = Files.createTempDirectory("sd-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--window-size=1280,900", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        this.wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(100));
        this.axe = resource("/META-INF/resources/webjars/axe-core/" + System.getProperty("axe.version", "4.6.3") + "/axe.min.js");
    }

    /** Opens a page of the web front end and checks it. */
    public Browser go(String path) {
        driver.get(baseUrl + path);
        arrived();
        return this;
    }

    /** Signs {@code person} in at the identity provider's page, starting from the web's sign-in link; ends on their projects. */
    public Browser signIn(Credentials person) {
        forgetEverything();
        driver.get(baseUrl + "/sign-in");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(person.userId());
        driver.findElement(By.id("password")).sendKeys(person.password());
        navigate(() -> driver.findElement(By.id("kc-login")).click());
        if (!driver.getCurrentUrl().startsWith(baseUrl)) {
            throw new AssertionError("Signing in as " + person.userId() + " ended at " + driver.getCurrentUrl() + ":\n" + text());
        }
        return this;
    }

    /** On the identity provider's one-time-code page (the step-up): types the person's current code. */
    public Browser secondFactor(Credentials person) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("otp")));
        driver.findElement(By.id("otp")).sendKeys(person.oneTimeCode().get());
        navigate(() -> driver.findElement(By.id("kc-login")).click());
        return this;
    }

    /** Every cookie of every site (this web's, Keycloak's): the next person starts from nothing. */
    public void forgetEverything() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /** Fills an input, select or textarea by its name. */
    public Browser fill(String name, String value) {
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(By.name(name)));
        if ("select".equals(field.getTagName())) {
            new org.openqa.selenium.support.ui.Select(field).selectByValue(value);
        } else {
            field.clear();
            field.sendKeys(value);
        }
        return this;
    }

    /** Within the form whose action ends with {@code action}: fills by name. */
    public Browser fillIn(String action, String name, String value) {
        WebElement field = form(action).findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** Sets an input's value as a script would (a date input's typed form depends on the browser's language). */
    public Browser set(String name, String value) {
        driver.executeScript("arguments[0].value = arguments[1]", find(By.name(name)), value);
        return this;
    }

    /** Follows the link (or presses the button) that {@code element} names; waits for the next page. */
    public Browser open(By element) {
        WebElement target = wait.until(ExpectedConditions.elementToBeClickable(element));
        navigate(target::click);
        return this;
    }

    public Browser choose(String id) {
        driver.findElement(By.id(id)).click();
        return this;
    }

    /** Submits the form whose action ends with {@code action} with its first submit button; waits for the next page. */
    public Browser submit(String action) {
        WebElement button = form(action).findElement(By.cssSelector("button[type=submit]"));
        navigate(button::click);
        return this;
    }

    /** Clicks a button by its visible text (within a form); waits for the next page. */
    public Browser press(String text) {
        WebElement button = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space(.)=" + literal(text) + " or normalize-space(text())=" + literal(text) + "]")));
        navigate(button::click);
        return this;
    }

    /** Follows a link by its visible text (its first part, before any text only screen readers get). */
    public Browser follow(String text) {
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[starts-with(normalize-space(.), " + literal(text) + ")]")));
        navigate(link::click);
        return this;
    }

    /** Clicks an element that changes part of the page (htmx) or runs a script, without a new page. */
    public Browser click(By element) {
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
        return this;
    }

    /** An attribute of the body of the page in a frame of this page ({@code data-state} of the desktop viewer), or null. */
    public String frameBodyAttribute(By frame, String attribute) {
        driver.switchTo().frame(driver.findElement(frame));
        try {
            return driver.findElement(By.tagName("body")).getAttribute(attribute);
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    /** A sample of the desktop viewer's canvas inside {@code frame}. */
    public ViewerCanvas frameCanvas(By frame) {
        driver.switchTo().frame(driver.findElement(frame));
        try {
            return ViewerCanvas.sample(driver);
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    /** Waits until the page says {@code text}, as its live parts update it (no reload). */
    public Browser awaitText(String text) {
        wait.withMessage(() -> "waiting for '" + text + "' on " + driver.getCurrentUrl() + ":\n" + text())
                .until(d -> text().contains(text));
        return this;
    }

    /** Reloads the page until it says {@code text} (what another service makes happen asynchronously). */
    public Browser reloadUntil(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(500))
                .withMessage(() -> "reloading for '" + text + "' on " + driver.getCurrentUrl() + ":\n" + text())
                .until(d -> {
                    if (text().contains(text)) {
                        return true;
                    }
                    driver.navigate().refresh();
                    return false;
                });
        arrived();
        return this;
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String title() {
        return driver.getTitle();
    }

    public String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public List<WebElement> all(By selector) {
        return driver.findElements(selector);
    }

    public WebElement find(By selector) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(selector));
    }

    /** Runs a script in the page (as the page's own scripts would) and gives its result. */
    public Object script(String source, Object... arguments) {
        return driver.executeScript(source, arguments);
    }

    /** The whole page, from its top to its footer, as a PNG under the screenshots directory (Chromium's full-page capture). */
    @SuppressWarnings("unchecked")
    public Path screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Number> content = (Map<String, Number>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", content.get("width").intValue(),
                "height", Math.min(content.get("height").intValue(), 8000), "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Path file = screenshots.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many kinds of page axe-core has checked so far. */
    public Set<String> checkedPages() {
        return Set.copyOf(checked);
    }

    private WebElement form(String action) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action$=" + cssString(action) + "]")));
    }

    /** Runs an action that leaves the page, waits for the next one to be complete, and checks it. */
    private void navigate(Runnable action) {
        WebElement old = driver.findElement(By.tagName("html"));
        action.run();
        wait.until(ExpectedConditions.stalenessOf(old));
        arrived();
    }

    private void arrived() {
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        if (driver.getCurrentUrl().startsWith(baseUrl)) {
            checkAccessibility();
        }
    }

    /** axe-core on the page: no serious or critical violation of WCAG 2.1 A or AA. */
    private void checkAccessibility() {
        String kind = driver.getCurrentUrl().substring(baseUrl.length()).replaceAll("\\?.*", "")
                .replaceAll("/[0-9a-f]{8}-[0-9a-f-]{27,}", "/{id}") + (driver.findElements(By.id("error-summary")).isEmpty() ? "" : " (refused)");
        if (!checked.add(kind)) {
            return;
        }
        driver.executeScript(axe);
        Object result = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                + ".catch(function (e) { done('axe failed: ' + e); });", AXE_TAGS);
        List<String> serious = new ArrayList<>();
        try {
            for (JsonNode violation : JSON.readTree(String.valueOf(result))) {
                String impact = violation.path("impact").asText();
                if ("serious".equals(impact) || "critical".equals(impact)) {
                    List<String> targets = new ArrayList<>();
                    violation.path("nodes").forEach(node -> targets.add(node.path("target").toString() + " " + node.path("failureSummary").asText()));
                    serious.add(impact + " " + violation.path("id").asText() + ": " + violation.path("help").asText() + " at " + targets);
                }
            }
        } catch (IOException e) {
            throw new AssertionError("axe-core gave no result on " + kind + ": " + result, e);
        }
        assertThat(serious).as("serious or critical accessibility violations on " + kind).isEmpty();
    }

    private static String literal(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    private static String cssString(String text) {
        return "'" + text.replace("'", "\\'") + "'";
    }

    private static String resource(String name) {
        try (InputStream in = Browser.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test classpath (the axe-core webjar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
