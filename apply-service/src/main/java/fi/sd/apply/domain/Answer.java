package fi.sd.apply.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The applicant's answer to one form field of one dataset's catalogue item. */
@Embeddable
public class Answer {

    @Column(name = "dataset_id", nullable = false)
    public String datasetId;

    @Column(name = "field_id", nullable = false)
    public String fieldId;

    @Column(name = "answer_value", nullable = false)
    public String value;

    public Answer() {
    }

    public Answer(String datasetId, String fieldId, String value) {
        this.datasetId = datasetId;
        this.fieldId = fieldId;
        this.value = value;
    }
}
