package fi.sd.apply.domain;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A user barred from one dataset. */
@Embeddable
public class BlocklistKey implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "dataset_id", nullable = false)
    public String datasetId;

    public BlocklistKey() {
    }

    public BlocklistKey(String userId, String datasetId) {
        this.userId = userId;
        this.datasetId = datasetId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BlocklistKey key && key.userId.equals(userId) && key.datasetId.equals(datasetId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId, datasetId);
    }
}
