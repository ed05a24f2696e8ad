package fi.sd.desktop.domain;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A short-lived link to one file of an approved export, issued to its requester. Only the SHA-256 of the
 * link's token is kept: whoever reads the database cannot download with it.
 */
@Entity
@Table(name = "export_download_link")
public class ExportDownloadLink extends PanacheEntityBase {

    @Id
    @Column(name = "token_sha256", length = 64)
    public String tokenSha256;

    @Column(name = "export_id", nullable = false)
    public String exportId;

    @Column(nullable = false, length = 1000)
    public String path;

    @Column(name = "issued_to", nullable = false)
    public String issuedTo;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    public static Optional<ExportDownloadLink> byTokenHash(String tokenSha256) {
        return findByIdOptional(tokenSha256);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
