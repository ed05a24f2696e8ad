package fi.sd.apply.rest;

import static fi.sd.apply.ApplyApi.AINO;
import static fi.sd.apply.ApplyApi.KELA;
import static fi.sd.apply.ApplyApi.MIKKO;
import static fi.sd.apply.ApplyApi.THL;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fi.sd.apply.ApplyApi;
import fi.sd.apply.ApplyFixtures;
import fi.sd.testsupport.ServiceTestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The catalogue: owned per organisation, terms versioned, forms validated, items disabled. */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class CatalogueTest {

    @Test
    void onlyTheOwningControllerEditsAndAChangedTermIsANewVersionThatMembersAcceptAgain() {
        String datasetId = "thl-avohilmo-" + ApplyFixtures.unique();
        Map<String, Object> item = ApplyFixtures.catalogueItem(datasetId);
        ApplyApi.post(KELA, "/api/v1/catalogue", item).statusCode(403);
        ApplyApi.post(AINO, "/api/v1/catalogue", item).statusCode(403);
        String id = ApplyApi.post(THL, "/api/v1/catalogue", item).statusCode(201)
                .body("terms[0].version", equalTo(1)).extract().path("id");
        ApplyApi.post(THL, "/api/v1/catalogue", item).statusCode(409);

        String permitId = ApplyFixtures.grantPermit("proj-" + ApplyFixtures.unique(), datasetId);
        String applicationId = ApplyFixtures.draft(permitId, datasetId);
        ApplyApi.command(AINO, applicationId, "accept-terms").statusCode(200);

        Map<String, Object> changed = new HashMap<>(item);
        changed.put("terms", List.of(Map.of("id", "dua", "title", "Data use agreement", "text", "Use only as permitted; cite THL.")));
        ApplyApi.put(KELA, "/api/v1/catalogue/" + id, changed).statusCode(403);
        ApplyApi.put(THL, "/api/v1/catalogue/" + id, changed).statusCode(200).body("terms[0].version", equalTo(2));

        ApplyApi.command(AINO, applicationId, "save-draft",
                Map.of("answers", List.of(Map.of("datasetId", datasetId, "fieldId", "purpose", "value", "Study")))).statusCode(200);
        ApplyApi.command(AINO, applicationId, "submit").statusCode(422).body("errors.message", hasItem(
                "aino.virtanen has not accepted " + datasetId + "/dua version 2"));
        ApplyApi.command(AINO, applicationId, "accept-terms").statusCode(200)
                .body("acceptedTerms.version", equalTo(List.of(1, 2)));
        ApplyApi.command(AINO, applicationId, "submit").statusCode(200);
    }

    @Test
    void formFieldsAreTypedAndRequiredOnesAreEnforcedAtSubmit() {
        String datasetId = "thl-kanta-" + ApplyFixtures.unique();
        Map<String, Object> item = ApplyFixtures.catalogueItem(datasetId);
        item.put("terms", List.of());
        item.put("fields", List.of(
                Map.of("id", "summary", "type", "LONG_TEXT", "label", "Summary", "required", false),
                Map.of("id", "start", "type", "DATE", "label", "Start", "required", true),
                Map.of("id", "level", "type", "OPTION", "label", "Level", "required", true, "options", List.of("aggregate", "individual")),
                Map.of("id", "ethics", "type", "CHECKBOX", "label", "Ethics approved", "required", true)));
        ApplyApi.post(THL, "/api/v1/catalogue", item).statusCode(201).body("fields.type",
                equalTo(List.of("LONG_TEXT", "DATE", "OPTION", "CHECKBOX")));
        String permitId = ApplyFixtures.grantPermit("proj-" + ApplyFixtures.unique(), datasetId);
        String id = ApplyFixtures.draft(permitId, datasetId);

        ApplyApi.command(AINO, id, "save-draft", Map.of("answers", List.of(
                Map.of("datasetId", datasetId, "fieldId", "start", "value", "next week"),
                Map.of("datasetId", datasetId, "fieldId", "level", "value", "everything"),
                Map.of("datasetId", datasetId, "fieldId", "ethics", "value", "yes")))).statusCode(422)
                .body("errors.field", equalTo(List.of("answers[0].value", "answers[1].value", "answers[2].value")));
        ApplyApi.command(AINO, id, "save-draft", Map.of("answers", List.of(
                Map.of("datasetId", datasetId, "fieldId", "start", "value", "2027-01-01"),
                Map.of("datasetId", datasetId, "fieldId", "level", "value", "aggregate"),
                Map.of("datasetId", datasetId, "fieldId", "ethics", "value", "false")))).statusCode(200);
        ApplyApi.command(AINO, id, "submit").statusCode(422).body("errors.message", equalTo(List.of(datasetId + "/ethics is required")));
        ApplyApi.command(AINO, id, "save-draft", Map.of("answers", List.of(
                Map.of("datasetId", datasetId, "fieldId", "ethics", "value", "true")))).statusCode(200);
        ApplyApi.command(AINO, id, "submit").statusCode(200);
    }

    @Test
    void aDisabledItemIsHiddenFromApplicantsAndTakesNoNewApplications() {
        String datasetId = "thl-hilmo-" + ApplyFixtures.unique();
        Map<String, Object> item = ApplyFixtures.catalogueItem(datasetId);
        String id = ApplyApi.post(THL, "/api/v1/catalogue", item).statusCode(201).extract().path("id");
        String permitId = ApplyFixtures.grantPermit("proj-" + ApplyFixtures.unique(), datasetId);
        ApplyFixtures.draft(permitId, datasetId);

        Map<String, Object> disabled = new HashMap<>(item);
        disabled.put("enabled", false);
        ApplyApi.put(THL, "/api/v1/catalogue/" + id, disabled).statusCode(200).body("enabled", equalTo(false));

        ApplyApi.get(MIKKO, "/api/v1/catalogue").statusCode(200).body("datasetId", not(hasItem(datasetId)));
        ApplyApi.get(MIKKO, "/api/v1/catalogue/" + id).statusCode(404);
        ApplyApi.get(THL, "/api/v1/catalogue").statusCode(200).body("datasetId", hasItem(datasetId));
        ApplyApi.post(AINO, "/api/v1/applications", Map.of("permitId", permitId, "datasetIds", List.of(datasetId))).statusCode(422);
    }
}
