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
