package fi.sd.apply.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A dataset a permit covers, with the organisation controlling it. */
@Embeddable
public class PermitDataset {

    @Column(name = "dataset_id", nullable = false)
    public String datasetId;

    @Column(nullable = false)
    public String controller;

    public PermitDataset() {
    }

    public PermitDataset(String datasetId, String controller) {
        this.datasetId = datasetId;
        this.controller = controller;
    }
}
