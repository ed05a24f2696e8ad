package fi.sd.e2e;

import static io.restassured.RestAssured.given;

/** Reads a service's Prometheus metrics, on its management port. */
public final class Metrics {

    private Metrics() {
    }

    /** The sum of every sample of {@code name} whose labels contain {@code labelMatch} (0 when there is none). */
    public static double sum(String managementUrl, String name, String labelMatch) {
        String text = given().baseUri(managementUrl).get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines()
                .filter(line -> line.startsWith(name + "{") && line.contains(labelMatch))
                .mapToDouble(Metrics::value)
                .sum();
    }

    /** The sample's value: the first field after its labels (an exemplar may follow, {@code # {trace_id=...} 1.0 1765...}). */
    private static double value(String line) {
        return Double.parseDouble(line.substring(line.indexOf("} ") + 2).trim().split(" ")[0]);
    }
}
