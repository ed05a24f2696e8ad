package fi.sd.desktop.domain;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A request to the cloud, recorded in the transaction that decides it and carried out after that
 * transaction commits (never inside one): a rolled-back decision asks the cloud for nothing, and a
 * desktop's commands run one at a time in the order they were recorded.
 */
@Entity
@Table(name = "provider_command")
public class ProviderCommand extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "desktop_id", nullable = false)
    public String desktopId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProviderAction action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProviderCommandStatus status;

    @Column(nullable = false)
    public int attempts;

    /** Claimable from this time on: the lease of the runner that took it, or a back-off after a transient failure. */
    @Column(name = "not_before", nullable = false)
    public Instant notBefore;

    @Column(name = "error")
    public String error;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "done_at")
    public Instant doneAt;

    public static boolean pendingFor(String desktopId) {
        return count("desktopId = ?1 and status = ?2", desktopId, ProviderCommandStatus.PENDING) > 0;
    }

    public static List<ProviderCommand> ofDesktop(String desktopId) {
        return list("desktopId = ?1 order by id", desktopId);
    }
}
