package fi.sd.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Data releases as an issuer makes them through the gateway: declared with their files' names,
 * sizes and SHA-256, then each file uploaded; the last upload releases it ({@code DataReleased}).
 */
public final class Releases {

    private Releases() {
    }

    /** The small CSV most flows release. */
    public static Map<String, byte[]> visits() {
        return files("visits.csv", "id,visit_date,icd10\n1,2026-01-02,E11.9\n2,2026-01-05,I10\n");
    }

    /** Files by name, with the given text contents. */
    public static Map<String, byte[]> files(String... namesAndContents) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            files.put(namesAndContents[i], namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    /** Declares and uploads the release; returns its id once it is {@code RELEASED}. */
    public static String deliver(Supplier<RequestSpecification> issuer, String permitId, String datasetId, Map<String, byte[]> files) {
        String releaseId = declare(issuer.get(), permitId, datasetId, files).then().statusCode(201).extract().path("id");
        uploadAll(issuer, permitId, releaseId, files);
        return releaseId;
    }

    /** {@code POST /permits/{id}/releases} with the files' names, sizes and SHA-256. */
    public static Response declare(RequestSpecification issuer, String permitId, String datasetId, Map<String, byte[]> files) {
        List<Map<String, Object>> declared = files.entrySet().stream()
                .map(f -> Map.<String, Object>of("name", f.getKey(), "sizeBytes", f.getValue().length, "sha256", sha256(f.getValue())))
                .toList();
        return issuer.body(Map.of("datasetId", datasetId, "files", declared)).post("/permits/{id}/releases", permitId);
    }

    /** Uploads every file of a declared release (each 201); the release is {@code RELEASED} after the last. */
    public static void uploadAll(Supplier<RequestSpecification> issuer, String permitId, String releaseId, Map<String, byte[]> files) {
        files.forEach((name, content) -> upload(issuer.get(), permitId, releaseId, name, content).then().statusCode(201));
    }

    /** {@code PUT /permits/{id}/releases/{releaseId}/files/{name}}: the name is the rest of the path. */
    public static Response upload(RequestSpecification issuer, String permitId, String releaseId, String name, byte[] content) {
        return issuer.contentType("application/octet-stream").body(content)
                .put("/permits/{id}/releases/{releaseId}/files/" + name, permitId, releaseId);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CSV of about 3 MB whose every row carries {@code marker} (to look for as plaintext at rest). */
    public static byte[] csvWithMarker(String marker) {
        return ("id,visit_date,icd10,note\n" + ("1,2026-01-02,E11.9," + marker + "\n").repeat(60_000)).getBytes(StandardCharsets.UTF_8);
    }

    /** The files under {@code dir} holding {@code marker} (e.g. plaintext in an object store's data directory). */
    public static List<Path> filesContaining(Path dir, String marker) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(file -> {
                try {
                    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(marker);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }
}
