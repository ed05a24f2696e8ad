package fi.sd.apply.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A person on an application: the applicant (joined from the start) or an invited member. */
@Embeddable
public class ApplicationMember {

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MemberStatus status;

    @Column(nullable = false)
    public Instant since;

    public ApplicationMember() {
    }

    public ApplicationMember(String userId, MemberStatus status, Instant since) {
        this.userId = userId;
        this.status = status;
        this.since = since;
    }
}
