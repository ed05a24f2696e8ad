package fi.sd.apply;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import fi.sd.events.DatasetRef;
import fi.sd.events.Holder;
import fi.sd.events.PermitRoute;
import fi.sd.events.PersonRef;
import fi.sd.events.permit.PermitGranted;
import fi.sd.events.permit.PermitSnapshot;
import fi.sd.testsupport.TestEvents;

/**
 * A dataset offered by THL and a register permit for it, as permit-service would announce it,
 * and the steps that take an application to approval.
 */
public final class ApplyFixtures {

    public static final Duration EVENT_APPLIED = Duration.ofSeconds(30);

    private ApplyFixtures() {
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A catalogue item body with one term and one required text field. */
    public static Map<String, Object> catalogueItem(String datasetId) {
        Map<String, Object> body = new HashMap<>();
        body.put("datasetId", datasetId);
        body.put("title", "Avohilmo 2015-2024");
        body.put("description", "Primary care visits.");
        body.put("organisation", "THL");
        body.put("terms", List.of(Map.of("id", "dua", "title", "Data use agreement", "text", "Use only for the permitted purpose.")));
        body.put("fields", List.of(Map.of("id", "purpose", "type", "TEXT", "label", "Purpose of use", "required", true)));
        return body;
    }

    /** Offers the dataset in the catalogue as THL; returns the item id. */
    public static String offer(String datasetId) {
        return ApplyApi.post(ApplyApi.THL, "/api/v1/catalogue", catalogueItem(datasetId)).statusCode(201).extract().path("id");
    }

    /** Announces a register permit of THL naming aino and mikko and covering the datasets; returns its id. */
    public static String grantPermit(String projectId, String... datasetIds) {
        String permitId = "permit-" + unique();
        TestEvents.publish(new PermitGranted(snapshot(permitId, 1, projectId, List.of("aino.virtanen", "mikko.korhonen"), datasetIds),
                "thl.controller", Instant.now()));
        return permitId;
    }

    /** A version of a THL register permit naming the persons and covering the datasets. */
    public static PermitSnapshot snapshot(String permitId, int version, String projectId, List<String> persons, String... datasetIds) {
        List<DatasetRef> datasets = new ArrayList<>();
        for (String id : datasetIds) {
            datasets.add(new DatasetRef(id, "THL", "Dataset " + id));
        }
        return new PermitSnapshot(permitId, version, "THL/" + permitId + "/2026", PermitRoute.REGISTER, "THL", projectId,
                new Holder("University of Helsinki", "Aino Virtanen"), "Cardiometabolic risk", "Cohort study", datasets,
                persons.stream().map(p -> new PersonRef(p, "Person " + p, p + "@example.org")).toList(),
                LocalDate.now(), LocalDate.now().plusYears(1), null);
    }

    /** Aino's draft, created as soon as the permit has reached the service; returns its id. */
    public static String draft(String permitId, String... datasetIds) {
        Map<String, Object> body = Map.of("permitId", permitId, "datasetIds", List.of(datasetIds));
        AtomicReference<String> id = new AtomicReference<>();
        await().atMost(EVENT_APPLIED).until(() -> {
            var response = ApplyApi.post(ApplyApi.AINO, "/api/v1/applications", body).extract();
            if (response.statusCode() == 201) {
                id.set(response.path("id"));
            }
            return id.get() != null;
        });
        return id.get();
    }

    /** An application of aino's on a register permit for one offered dataset. */
    public record PermitApplication(String permitId, String datasetId, String id) {
    }

    /** A permit, an offered dataset and a draft by aino with mikko joined. */
    public static PermitApplication draftWithMember() {
        String datasetId = "thl-avohilmo-" + unique();
        offer(datasetId);
        String permitId = grantPermit("proj-" + unique(), datasetId);
        String applicationId = draft(permitId, datasetId);
        ApplyApi.command(ApplyApi.AINO, applicationId, "invite-member", Map.of("userId", "mikko.korhonen")).statusCode(200);
        ApplyApi.command(ApplyApi.MIKKO, applicationId, "accept-invitation").statusCode(200);
        return new PermitApplication(permitId, datasetId, applicationId);
    }

    /** Fills the form, has both members accept the terms and submits. */
    public static void completeAndSubmit(String applicationId, String datasetId) {
        ApplyApi.command(ApplyApi.AINO, applicationId, "save-draft",
                Map.of("answers", List.of(Map.of("datasetId", datasetId, "fieldId", "purpose", "value", "Cohort study")))).statusCode(200);
        ApplyApi.command(ApplyApi.AINO, applicationId, "accept-terms").statusCode(200);
        ApplyApi.command(ApplyApi.MIKKO, applicationId, "accept-terms").statusCode(200);
        ApplyApi.command(ApplyApi.AINO, applicationId, "submit").statusCode(200);
    }

    /** A permit and an approved application with aino and mikko. */
    public static PermitApplication approved(Map<String, Object> approval) {
        PermitApplication app = draftWithMember();
        completeAndSubmit(app.id(), app.datasetId());
        ApplyApi.command(ApplyApi.THL, app.id(), "approve", approval).statusCode(200);
        return app;
    }
}
