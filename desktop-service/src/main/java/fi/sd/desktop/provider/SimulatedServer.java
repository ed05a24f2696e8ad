package fi.sd.desktop.provider;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A server of the simulated cloud. Kept in the database rather than in memory so that every
 * replica sees the same cloud, as they would a real one.
 */
@Entity
@Table(name = "simulated_server")
public class SimulatedServer extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "volume_id", nullable = false)
    public String volumeId;

    /** The desktop it was built for: one server per desktop, however often the build is asked for. */
    @Column(name = "desktop_id")
    public String desktopId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public int cores;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ServerState state;

    /** The state a task in progress ends in, at {@link #settlesAt}; null when nothing is in progress. */
    @Enumerated(EnumType.STRING)
    @Column(name = "pending_state")
    public ServerState pendingState;

    @Column(name = "settles_at")
    public Instant settlesAt;

    @Column(name = "fault")
    public String fault;
}
