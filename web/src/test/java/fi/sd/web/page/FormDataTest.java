package fi.sd.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedHashMap;

import org.junit.jupiter.api.Test;

import fi.sd.web.client.ApiProblem;

@io.quarkus.test.junit.QuarkusTest
class FormDataTest {

    @Test
    void rowsAreReadInOrderWithBlankRowsDroppedAndRenumberedAsTheApiWillNumberThem() {
        MultivaluedHashMap<String, String> posted = new MultivaluedHashMap<>();
        posted.add("persons[0].userId", "aino");
        posted.add("persons[0].email", " aino@example.org ");
        posted.add("persons[1].userId", "  ");
        posted.add("persons[2].userId", "mikko");
        posted.add("title", "Cohort");
        posted.add("empty", "");
        FormData data = new FormData(posted);

        assertThat(data.rows("persons")).containsExactly(Map.of("userId", "aino", "email", "aino@example.org"), Map.of("userId", "mikko"));
        assertThat(data.text("title")).isEqualTo("Cohort");
        assertThat(data.text("empty")).isNull();
        assertThat(data.values()).containsEntry("persons[1].userId", "mikko").doesNotContainKey("persons[2].userId");
    }

    @Test
    void fieldErrorsGoNextToTheirInputsOnceEachAndTheRestIntoTheSummary() {
        ApiProblem refusal = new ApiProblem(400, "Invalid request", "2 invalid", null, List.of(
                new ApiProblem.FieldError("persons[1].email", "must be a well-formed email address"),
                new ApiProblem.FieldError("persons[1].email", "must be a well-formed email address"),
                new ApiProblem.FieldError("validity", "ends before it starts")));
        Form form = Form.empty().refused(refusal, List.of("persons[]", "title"), Locale.forLanguageTag("sv"));

        assertThat(form.cellError("persons", 1, "email")).isEqualTo("Ange en e-postadress, till exempel namn@example.org");
        assertThat(form.cellId("persons", 1, "email")).isEqualTo("f-persons-1-email");
        assertThat(form.otherErrors()).containsExactly("validity: ends before it starts");
        assertThat(form.invalid()).isTrue();
        assertThat(form.scope("approve").id("comment")).isEqualTo("approve-comment");
    }

    @Test
    void theSummaryNamesEachRefusedFieldAndLinksToItsInput() {
        ApiProblem refusal = new ApiProblem(400, "Invalid request", "3 invalid", null, List.of(
                new ApiProblem.FieldError("files[0].sha256", "must not be null"),
                new ApiProblem.FieldError("datasetId", "must not be blank"),
                new ApiProblem.FieldError("permitId", "does not exist")));
        Form form = Form.empty().refused(refusal, List.of("datasetId", "files", "files[]"), Locale.ENGLISH);

        assertThat(form.summary()).containsExactly(
                new Form.SummaryEntry("f-files-0-sha256", "File 1, SHA-256: Enter a value"),
                new Form.SummaryEntry("f-datasetId", "Dataset: Enter a value"),
                new Form.SummaryEntry(null, "Permit: does not exist"));
    }

    @Test
    void aFormShowsItsFilledRowsAndBlankOnes() {
        Form form = Form.of(Map.of("files[0].name", "a.csv", "files[1].name", "b.csv"));
        assertThat(form.rows("files", 1, 1)).containsExactly(0, 1, 2);
        assertThat(Form.empty().rows("files", 0, 1)).containsExactly(0);
    }
}
