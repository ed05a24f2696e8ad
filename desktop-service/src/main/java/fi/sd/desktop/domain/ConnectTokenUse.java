package fi.sd.desktop.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The one connection a connect token was used for: its id is unique, so a second use fails on any replica. */
@Entity
@Table(name = "connect_token_use")
public class ConnectTokenUse extends PanacheEntityBase {

    @Id
    public String jti;

    @Column(name = "session_id", nullable = false)
    public String sessionId;

    @Column(name = "used_at", nullable = false)
    public Instant usedAt;
}
