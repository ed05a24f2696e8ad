package fi.sd.apply.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One version of a term of use. Versions are never changed or removed: acceptances refer to them. */
@Embeddable
public class CatalogueTerm {

    @Column(name = "term_id", nullable = false)
    public String termId;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String text;

    /** The version applicants accept now; older versions and removed terms are kept but not current. */
    @Column(name = "is_current", nullable = false)
    public boolean current;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
