package fi.sd.apply;

import static io.restassured.RestAssured.given;

import java.util.Map;

import fi.sd.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The apply API as the tests' cast uses it. */
public final class ApplyApi {

    /** The controller of every fixture dataset: handles the applications. */
    public static final String THL = TestTokens.user("thl.controller", "data-controller").org("THL").bearer();
    public static final String KELA = TestTokens.user("kela.controller", "data-controller").org("Kela").bearer();
    /** Named in every fixture permit. */
    public static final String AINO = TestTokens.user("aino.virtanen", "researcher").bearer();
    public static final String MIKKO = TestTokens.user("mikko.korhonen", "researcher").bearer();
    public static final String STRANGER = TestTokens.user("someone.else", "researcher").bearer();
    public static final String REVIEWER = TestTokens.user("rita.reviewer", "researcher").bearer();
    public static final String AUDITOR = TestTokens.user("auditor.anna", "auditor").bearer();

    private ApplyApi() {
    }

    public static ValidatableResponse post(String token, String path, Object body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    public static ValidatableResponse put(String token, String path, Object body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body).when().put(path).then();
    }

    public static ValidatableResponse get(String token, String path) {
        return given().header("Authorization", token).when().get(path).then();
    }

    public static ValidatableResponse delete(String token, String path) {
        return given().header("Authorization", token).when().delete(path).then();
    }

    /** {@code POST /applications/{id}/{command}}. */
    public static ValidatableResponse command(String token, String applicationId, String command, Map<String, Object> body) {
        return post(token, "/api/v1/applications/" + applicationId + "/" + command, body);
    }

    public static ValidatableResponse command(String token, String applicationId, String command) {
        return command(token, applicationId, command, Map.of());
    }
}
