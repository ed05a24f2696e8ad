package fi.sd.permit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A dataset a permit covers, and the organisation that controls it. */
@Embeddable
public class PermitDataset {

    @Column(name = "dataset_id", nullable = false)
    public String datasetId;

    @Column(nullable = false)
    public String controller;

    @Column(nullable = false)
    public String title;

    public PermitDataset() {
    }

    public PermitDataset(String datasetId, String controller, String title) {
        this.datasetId = datasetId;
        this.controller = controller;
        this.title = title;
    }
}
