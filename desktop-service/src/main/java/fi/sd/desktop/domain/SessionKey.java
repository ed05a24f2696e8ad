package fi.sd.desktop.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The HMAC-SHA256 key that signs connect tokens, base64; made at first start and kept only here. */
@Entity
@Table(name = "session_key")
public class SessionKey extends PanacheEntityBase {

    @Id
    public String kid;

    @Column(nullable = false)
    public String secret;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
