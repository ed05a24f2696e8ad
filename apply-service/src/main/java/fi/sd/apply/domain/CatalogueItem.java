package fi.sd.apply.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A dataset offered for access applications, owned by the organisation that controls it. */
@Entity
@Table(name = "catalogue_item")
public class CatalogueItem extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "dataset_id", nullable = false, unique = true)
    public String datasetId;

    @Column(nullable = false)
    public String organisation;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String description;

    /** Disabled items take no new applications; applications already made keep them. */
    @Column(nullable = false)
    public boolean enabled;

    @Version
    @Column(name = "row_version", nullable = false)
    public long rowVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "catalogue_term", joinColumns = @JoinColumn(name = "item_id"))
    public List<CatalogueTerm> terms = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "catalogue_field", joinColumns = @JoinColumn(name = "item_id"))
    @OrderColumn(name = "position")
    public List<FormField> fields = new ArrayList<>();

    public static Optional<CatalogueItem> forDataset(String datasetId) {
        return find("datasetId", datasetId).firstResultOptional();
    }

    public List<CatalogueTerm> currentTerms() {
        return terms.stream().filter(t -> t.current).toList();
    }

    public Optional<CatalogueTerm> currentTerm(String termId) {
        return terms.stream().filter(t -> t.current && t.termId.equals(termId)).findFirst();
    }

    public Optional<FormField> field(String fieldId) {
        return fields.stream().filter(f -> f.fieldId.equals(fieldId)).findFirst();
    }
}
