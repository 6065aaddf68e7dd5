package org.directbill.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.directbill.support.Fixtures;
import org.directbill.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * What every browser test shares: the service on a random port, the system Chromium (never a
 * downloaded one), a fresh French browser context per test, and every error the browser reports
 * (a script that fails to load, a Content Security Policy violation, a 4xx/5xx) collected, so that
 * a test can fail on them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
@Tag("browser")
abstract class BrowserTest {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get("target", "browser");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;
    /** The browsers of the other people a test brings in (their own sessions), closed with the first. */
    final List<BrowserContext> otherPeople = new CopyOnWriteArrayList<>();

    final List<String> browserErrors = new CopyOnWriteArrayList<>();
    /** Pages the test means to be refused (a form with errors, a missing partner): not browser errors. */
    final List<String> expectedRefusals = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void launchChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            String reason = "No Chromium at " + CHROMIUM + ": the browser tests were NOT run."
                    + " Install it (apt-get install chromium); never `playwright install`.";
            if (Boolean.getBoolean("directbill.test.browser.required")) {
                Assertions.fail(reason);
            }
            System.err.printf("%n*** %s%n%n", reason);
            Assumptions.abort(reason);
        }
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-dev-shm-usage",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(
                new Browser.NewContextOptions().setLocale("fr-FR").setViewportSize(1280, 900));
        context.setDefaultTimeout(10_000);
        page = watched(context.newPage());
    }

    /**
     * Another person's browser: a context of its own, so its own session, whose errors are collected
     * with the rest.
     */
    Page anotherPersonsBrowser() {
        BrowserContext other = browser.newContext(
                new Browser.NewContextOptions().setLocale("fr-FR").setViewportSize(1280, 900));
        other.setDefaultTimeout(10_000);
        otherPeople.add(other);
        return watched(other.newPage());
    }

    private Page watched(Page page) {
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                browserErrors.add(message.text() + " (" + message.location() + ")");
            }
        });
        page.onPageError(error -> browserErrors.add("uncaught: " + error));
        page.onResponse(response -> {
            if (response.status() >= 400) {
                browserErrors.add(response.status() + " " + response.url());
            }
        });
        return page;
    }

    void expectRefusal(String url) {
        expectedRefusals.add(url);
    }

    /** What the browser reported as an error, besides the refusals the test asked for. */
    List<String> unexpectedBrowserErrors() {
        return browserErrors.stream()
                .filter(error -> expectedRefusals.stream().noneMatch(error::contains))
                .toList();
    }

    @AfterEach
    void closePage() {
        otherPeople.forEach(BrowserContext::close);
        otherPeople.clear();
        if (context != null) {
            context.close();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void screenshot(String name) throws Exception {
        screenshot(page, name);
    }

    void screenshot(Page page, String name) throws Exception {
        page.waitForLoadState(); // the whole document, not the part parsed so far
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    /** Test data the browser does not need to type: through the API, as the bootstrap admin. */
    String createPartnerThroughTheApi(String name, String country) throws Exception {
        HttpResponse<String> response =
                api("/api/v1/partners", "application/json", Fixtures.partnerBody(name, country));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** POSTs a body to the API as the bootstrap admin. */
    HttpResponse<String> api(String path, String contentType, String body) throws Exception {
        return api("POST", path, contentType, body);
    }

    /** Sends a body to the API with this method (POST, PATCH…) as the bootstrap admin. */
    HttpResponse<String> api(String method, String path, String contentType, String body) throws Exception {
        String credentials = Base64.getEncoder()
                .encodeToString((Fixtures.ADMIN + ":" + Fixtures.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
