package fi.sd.permit;

import static io.restassured.RestAssured.given;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import fi.sd.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The permit API as the tests' callers use it, with the tokens of the usual cast. */
public final class PermitApi {

    public static final String FINDATA = TestTokens.user("findata.officer", "permit-authority").bearer();
    public static final String THL = TestTokens.user("thl.controller", "data-controller").org("THL").bearer();
    public static final String KELA = TestTokens.user("kela.controller", "data-controller").org("Kela").bearer();
    /** Named in every fixture permit. */
    public static final String AINO = TestTokens.user("aino.virtanen", "researcher").bearer();
    public static final String STRANGER = TestTokens.user("someone.else", "researcher").bearer();
    public static final String AUDITOR = TestTokens.user("auditor.anna", "auditor").bearer();

    private PermitApi() {
    }

    /** Records the permit and returns its id. */
    public static String record(String token, Map<String, Object> body) {
        return post(token, "/api/v1/permits", body).statusCode(201).extract().path("id");
    }

    public static ValidatableResponse post(String token, String path, Object body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    public static ValidatableResponse get(String token, String path) {
        return given().header("Authorization", token).when().get(path).then();
    }

    public static ValidatableResponse amend(String token, String id, Map<String, Object> amendment) {
        return post(token, "/api/v1/permits/" + id + "/amendments", amendment);
    }

    public static ValidatableResponse revoke(String token, String id, String reason) {
        return post(token, "/api/v1/permits/" + id + "/revocation", Map.of("reason", reason));
    }

    public static ValidatableResponse release(String token, String id, Map<String, Object> release) {
        return post(token, "/api/v1/permits/" + id + "/releases", release);
    }

    /** Uploads a file of a release: its name is the rest of the path. */
    public static ValidatableResponse upload(String token, String id, String releaseId, String name, byte[] content) {
        return given().header("Authorization", token).contentType("application/octet-stream").body(content)
                .when().put("/api/v1/permits/" + id + "/releases/" + releaseId + "/files/" + name).then();
    }

    /** Declares a release of the files and uploads each; returns the release id. */
    public static String releaseFiles(String token, String id, String datasetId, Map<String, byte[]> files) {
        List<Map<String, Object>> declared = files.entrySet().stream()
                .map(f -> Map.<String, Object>of("name", f.getKey(), "sizeBytes", f.getValue().length, "sha256", sha256(f.getValue())))
                .toList();
        String releaseId = release(token, id, Map.of("datasetId", datasetId, "files", declared)).statusCode(201).extract().path("id");
        files.forEach((name, content) -> upload(token, id, releaseId, name, content).statusCode(201));
        return releaseId;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
