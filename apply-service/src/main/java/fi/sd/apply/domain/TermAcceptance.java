package fi.sd.apply.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A member accepted the exact version of a dataset's term; kept even after the member leaves. */
@Embeddable
public class TermAcceptance {

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "dataset_id", nullable = false)
    public String datasetId;

    @Column(name = "term_id", nullable = false)
    public String termId;

    @Column(name = "term_version", nullable = false)
    public int termVersion;

    @Column(name = "accepted_at", nullable = false)
    public Instant acceptedAt;

    public TermAcceptance() {
    }

    public TermAcceptance(String userId, String datasetId, String termId, int termVersion, Instant acceptedAt) {
        this.userId = userId;
        this.datasetId = datasetId;
        this.termId = termId;
        this.termVersion = termVersion;
        this.acceptedAt = acceptedAt;
    }
}
