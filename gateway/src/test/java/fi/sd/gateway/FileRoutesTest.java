package fi.sd.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

import fi.sd.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * File bodies on the file paths: streamed to the service past the JSON limit (64K here), with or
 * without a declared length, up to the file limit (24M here), and not timed out while they flow.
 */
@QuarkusTest
@WithTestResource(EchoUpstreams.class)
class FileRoutesTest {

    private static final String UPLOAD = "/api/v1/permits/p-1/releases/r-1/files/avohilmo/visits.csv";
    private static final String TOKEN = TestTokens.user("findata.officer", "permit-authority").bearer();

    @Test
    void aFileOverTheJsonLimitStreamsToTheServiceWithItsLengthOrWithout() throws Exception {
        byte[] file = random(3 * 1024 * 1024);

        given().header("Authorization", TOKEN).header(EchoUpstreams.DIGEST, "yes").contentType("application/octet-stream").body(file)
                .when().put(UPLOAD)
                .then().statusCode(200)
                .body("service", equalTo("permit-service"))
                .body("bytes", equalTo(file.length))
                .body("sha256", equalTo(sha256(file)))
                .body("chunked", equalTo(false));
        HttpResponse<String> chunked = putWithoutLength(UPLOAD, file);
        assertThat(chunked.statusCode()).isEqualTo(200);
        assertThat(chunked.body()).contains("\"bytes\":" + file.length, sha256(file), "\"chunked\":true");
    }

    @Test
    void anImportFileStreamsToTheServiceAndADownloadStreamsBackWhateverItsSize() throws Exception {
        byte[] file = random(3 * 1024 * 1024);
        given().header("Authorization", TOKEN).header(EchoUpstreams.DIGEST, "yes").contentType("application/octet-stream").body(file)
                .when().put("/api/v1/imports/i-1/files/lme4/lme4_1.1-35.tar.gz")
                .then().statusCode(200)
                .body("service", equalTo("desktop-service"))
                .body("bytes", equalTo(file.length))
                .body("sha256", equalTo(sha256(file)));

        // Larger than the file limit, which holds uploads only: an answer is never held to it.
        long size = 40L * 1024 * 1024;
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        for (long i = 0; i < size; i++) {
            expected.update((byte) (i % 251));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/export-downloads/t-1"))
                .header("Authorization", TOKEN).header(EchoUpstreams.FILE_BYTES, Long.toString(size)).GET().build();
        HttpResponse<InputStream> download = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValueAsLong("Content-Length")).hasValue(size);
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        long count = 0;
        try (InputStream body = download.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = body.read(buffer)) >= 0;) {
                received.update(buffer, 0, read);
                count += read;
            }
        }
        assertThat(count).isEqualTo(size);
        assertThat(received.digest()).isEqualTo(expected.digest());
    }

    @Test
    void aFileOverTheFileLimitIs413WithOrWithoutItsLength() throws Exception {
        byte[] file = random(24 * 1024 * 1024 + 1);

        given().header("Authorization", TOKEN).header(EchoUpstreams.DIGEST, "yes").contentType("application/octet-stream").body(file)
                .when().put(UPLOAD)
                .then().statusCode(413).contentType("application/problem+json");
        HttpResponse<String> chunked = putWithoutLength(UPLOAD, file);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void theSameBodyOnAnotherPathIsHeldToTheJsonLimit() {
        given().header("Authorization", TOKEN).header(EchoUpstreams.DIGEST, "yes").contentType("application/octet-stream")
                .body(random(65 * 1024))
                .when().put("/api/v1/permits/p-1/releases/r-1")
                .then().statusCode(413);
    }

    @Test
    void aFileThatTakesLongerThanTheUpstreamTimeoutIsNotCutOffWhileItFlows() throws Exception {
        // More than the sockets' buffers hold, read at 3 MB/s by the service: about 5 s, and the upstream timeout is 3 s.
        byte[] file = random(16 * 1024 * 1024);

        given().header("Authorization", TOKEN).header(EchoUpstreams.DIGEST, "yes").queryParam("bytesPerSecond", 3 * 1024 * 1024)
                .contentType("application/octet-stream").body(file)
                .when().put(UPLOAD)
                .then().statusCode(200)
                .body("bytes", equalTo(file.length))
                .body("sha256", equalTo(sha256(file)));
    }

    /** A PUT whose body has no declared length (sent chunked), as a client streaming a file of unknown size sends it. */
    private static HttpResponse<String> putWithoutLength(String path, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", TOKEN).header(EchoUpstreams.DIGEST, "yes").header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
