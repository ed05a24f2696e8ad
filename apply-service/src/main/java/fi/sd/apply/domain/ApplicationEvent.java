package fi.sd.apply.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One entry of an application's history: a command someone (or the system) carried out. */
@Entity
@Table(name = "application_event")
public class ApplicationEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "application_id", nullable = false)
    public String applicationId;

    @Column(nullable = false)
    public String actor;

    /** The command's API name, e.g. {@code approve}, or {@code create}. */
    @Column(nullable = false)
    public String command;

    public String comment;

    /** What the command was about, e.g. the invited user or the copy's id. */
    public String detail;

    /** False for private remarks, review requests and reviews: handling users see them, applicants and members do not. */
    @Column(name = "visible_to_applicant", nullable = false)
    public boolean visibleToApplicant;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /**
     * A new entry of the application's history, without comment or detail and seen by everyone on
     * the application; name what else it holds, then {@code persist()} it:
     * {@code ApplicationEvent.of(application, actor, "invite-member", now).detail(userId).persist()}.
     */
    public static ApplicationEvent of(Application application, String actor, String command, Instant occurredAt) {
        ApplicationEvent event = new ApplicationEvent();
        event.applicationId = application.id;
        event.actor = actor;
        event.command = command;
        event.occurredAt = occurredAt;
        event.visibleToApplicant = true;
        return event;
    }

    /** The actor's own words, if any. */
    public ApplicationEvent comment(String text) {
        this.comment = text;
        return this;
    }

    /** What the command was about, if anything. */
    public ApplicationEvent detail(String text) {
        this.detail = text;
        return this;
    }

    /** Seen by handlers, reviewers, auditors and admins only, not by applicants and members. */
    public ApplicationEvent privately() {
        return visibleToApplicant(false);
    }

    public ApplicationEvent visibleToApplicant(boolean visible) {
        this.visibleToApplicant = visible;
        return this;
    }

    public static List<ApplicationEvent> history(String applicationId) {
        return list("applicationId = ?1 order by id", applicationId);
    }

    /** The histories of several applications in one query, by application id (absent: no history). */
    public static Map<String, List<ApplicationEvent>> histories(Collection<String> applicationIds) {
        if (applicationIds.isEmpty()) {
            return Map.of();
        }
        return ApplicationEvent.<ApplicationEvent>list("applicationId in ?1 order by id", applicationIds).stream()
                .collect(Collectors.groupingBy(e -> e.applicationId));
    }
}
