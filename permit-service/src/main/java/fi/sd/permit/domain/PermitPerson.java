package fi.sd.permit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A person the permit authorises to process its data. */
@Embeddable
public class PermitPerson {

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String email;

    public PermitPerson() {
    }

    public PermitPerson(String userId, String name, String email) {
        this.userId = userId;
        this.name = name;
        this.email = email;
    }
}
