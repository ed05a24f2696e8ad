package fi.sd.apply.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;

import fi.sd.platform.rest.PageRequest;
import fi.sd.platform.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An access application: members of a register permit ask its controller for access to some of its datasets. */
@Entity
@Table(name = "application")
public class Application extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "permit_id", nullable = false)
    public String permitId;

    @Column(name = "project_id", nullable = false)
    public String projectId;

    /** The organisation controlling the datasets: its data-controllers handle the application. */
    @Column(nullable = false)
    public String organisation;

    @Column(nullable = false)
    public String applicant;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApplicationState state;

    @Column(name = "submitted_once", nullable = false)
    public boolean submittedOnce;

    /** When the entitlements of an approval end by themselves; null: with the permit. */
    @Column(name = "entitlement_end")
    public Instant entitlementEnd;

    @Column(name = "copied_from")
    public String copiedFrom;

    /** Optimistic lock: of two concurrent commands on one application, the second to commit gets 409. */
    @Version
    @Column(name = "row_version", nullable = false)
    public long rowVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    // A page of applications loads each collection in one query, not one per application.
    @ElementCollection
    @BatchSize(size = PageRequest.MAX_SIZE)
    @CollectionTable(name = "application_dataset", joinColumns = @JoinColumn(name = "application_id"))
    @Column(name = "dataset_id")
    public Set<String> datasetIds = new LinkedHashSet<>();

    @ElementCollection
    @BatchSize(size = PageRequest.MAX_SIZE)
    @CollectionTable(name = "application_member", joinColumns = @JoinColumn(name = "application_id"))
    public List<ApplicationMember> members = new ArrayList<>();

    @ElementCollection
    @BatchSize(size = PageRequest.MAX_SIZE)
    @CollectionTable(name = "application_reviewer", joinColumns = @JoinColumn(name = "application_id"))
    @Column(name = "user_id")
    public Set<String> reviewers = new LinkedHashSet<>();

    @ElementCollection
    @BatchSize(size = PageRequest.MAX_SIZE)
    @CollectionTable(name = "application_answer", joinColumns = @JoinColumn(name = "application_id"))
    public List<Answer> answers = new ArrayList<>();

    @ElementCollection
    @BatchSize(size = PageRequest.MAX_SIZE)
    @CollectionTable(name = "application_term_acceptance", joinColumns = @JoinColumn(name = "application_id"))
    public List<TermAcceptance> acceptances = new ArrayList<>();

    /** Moves the application along {@link ApplicationRules#LIFECYCLE}; refused when its state does not allow the command. */
    public void apply(ApplicationCommand command) {
        state = ApplicationRules.LIFECYCLE.require(state, command);
    }

    public Optional<ApplicationMember> member(String userId) {
        return members.stream().filter(m -> m.userId.equals(userId)).findFirst();
    }

    /** The applicant and every member who accepted their invitation. */
    public List<String> joinedMembers() {
        return members.stream().filter(m -> m.status == MemberStatus.JOINED).map(m -> m.userId).toList();
    }

    public Optional<Answer> answer(String datasetId, String fieldId) {
        return answers.stream().filter(a -> a.datasetId.equals(datasetId) && a.fieldId.equals(fieldId)).findFirst();
    }

    public boolean accepted(String userId, String datasetId, String termId, int version) {
        return acceptances.stream().anyMatch(a -> a.userId.equals(userId) && a.datasetId.equals(datasetId)
                && a.termId.equals(termId) && a.termVersion == version);
    }

    public boolean acceptedSomeVersion(String userId, String datasetId, String termId) {
        return acceptances.stream().anyMatch(a -> a.userId.equals(userId) && a.datasetId.equals(datasetId) && a.termId.equals(termId));
    }

    /** What the caller is on this application; empty when they have nothing to do with it. */
    public Set<ApplicationRole> rolesOf(Caller caller) {
        Set<ApplicationRole> roles = EnumSet.noneOf(ApplicationRole.class);
        String me = caller.subject();
        if (applicant.equals(me)) {
            roles.add(ApplicationRole.APPLICANT);
        }
        member(me).ifPresent(m -> {
            if (m.status == MemberStatus.INVITED) {
                roles.add(ApplicationRole.INVITEE);
            } else if (!applicant.equals(me)) {
                roles.add(ApplicationRole.MEMBER);
            }
        });
        // As in REMS, a draft is the applicant's and members' own until it is first submitted.
        if (caller.controls(organisation) && state != ApplicationState.DRAFT) {
            roles.add(ApplicationRole.HANDLER);
        }
        if (reviewers.contains(me)) {
            roles.add(ApplicationRole.REVIEWER);
        }
        return roles;
    }
}
