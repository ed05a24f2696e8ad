package fi.sd.e2e.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import fi.sd.e2e.KeycloakTokens.Credentials;

/**
 * A browser's session with the web front end, without a browser: the code flow followed over HTTP (the web's
 * sign-in, Keycloak's login form posted, back to the web), each site's cookies kept as a browser keeps them
 * (java.net's cookie manager would not send the web's Secure cookies to http://localhost, which browsers do).
 */
final class WebSession {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>", Pattern.DOTALL);
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Map<String, String>> cookies = new HashMap<>();
    private final String webUrl;

    private WebSession(String webUrl) {
        this.webUrl = webUrl;
    }

    /** Signs the person in through the web's sign-in page, as a browser would, typing into Keycloak's form. */
    static WebSession signIn(String webUrl, Credentials person) throws IOException, InterruptedException {
        WebSession session = new WebSession(webUrl);
        HttpResponse<String> login = session.follow(HttpRequest.newBuilder(URI.create(webUrl + "/sign-in")).GET());
        Matcher form = LOGIN_FORM.matcher(login.body());
        if (!form.find()) {
            throw new IllegalStateException("No Keycloak login form at " + login.uri() + ": " + login.statusCode());
        }
        Matcher action = ACTION.matcher(form.group());
        if (!action.find()) {
            throw new IllegalStateException("Keycloak's login form has no action");
        }
        String target = action.group(1).replace("&amp;", "&");
        String body = Map.of("username", person.userId(), "password", person.password(), "credentialId", "").entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> landed = session.follow(HttpRequest.newBuilder(URI.create(target))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
        if (landed.statusCode() != 200 || !landed.uri().toString().startsWith(webUrl)) {
            throw new IllegalStateException("Signing in as " + person.userId() + " ended at " + landed.uri() + " with " + landed.statusCode());
        }
        return session;
    }

    /** One page, as the signed-in browser asks for it (no redirect followed). */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(webUrl + path)).GET());
    }

    private HttpResponse<String> follow(HttpRequest.Builder first) throws IOException, InterruptedException {
        HttpResponse<String> response = send(first);
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = send(HttpRequest.newBuilder(next).GET());
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        HttpRequest probe = builder.copy().build();
        String site = probe.uri().getAuthority();
        Map<String, String> jar = cookies.computeIfAbsent(site, s -> new LinkedHashMap<>());
        if (!jar.isEmpty()) {
            builder.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = http.send(builder.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            boolean expired = set.toLowerCase().contains("max-age=0") || value.isEmpty();
            if (expired) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
        return response;
    }
}
