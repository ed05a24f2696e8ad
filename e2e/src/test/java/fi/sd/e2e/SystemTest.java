package fi.sd.e2e;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;

import fi.sd.testsupport.KafkaTestBroker;

/** The end-to-end tests share one running system per JVM, and the test helpers use its broker. */
abstract class SystemTest {

    static E2eSystem system;
    static Api api;

    /** A list on each service that any signed-in person may ask for: asked directly, each checks the token itself. */
    private static final Map<String, String> SERVICE_LISTS = Map.of(E2eSystem.PERMIT, "/api/v1/permits",
            E2eSystem.APPLY, "/api/v1/applications", E2eSystem.DESKTOP, "/api/v1/workspaces");

    @BeforeAll
    static void startTheSystem() {
        system = E2eSystem.get();
        KafkaTestBroker.useExternal(system.bootstrapServers());
        api = new Api(system);
    }

    /** The gateway's {@code /me}, and each service asked directly, answer {@code status} to this {@code Authorization}. */
    static void answersEverywhere(String authorization, int status) {
        api.request(authorization).get("/me").then().statusCode(status);
        SERVICE_LISTS.forEach((service, path) -> given().baseUri(system.service(service).url()).header("Authorization", authorization)
                .get(path).then().statusCode(status));
    }
}
