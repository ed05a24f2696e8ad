package fi.sd.apply.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The RSA key pair that signs GA4GH visas, as base64 PKCS#8 and X.509 encodings. */
@Entity
@Table(name = "signing_key")
public class SigningKey extends PanacheEntityBase {

    @Id
    public String kid;

    @Column(name = "private_key", nullable = false)
    public String privateKey;

    @Column(name = "public_key", nullable = false)
    public String publicKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
