package fi.sd.desktop.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fi.sd.desktop.api.DownloadLinksView;
import fi.sd.desktop.audit.AuditLog;
import fi.sd.desktop.config.DesktopConfig;
import fi.sd.desktop.domain.AirlockExport;
import fi.sd.desktop.domain.AirlockRole;
import fi.sd.desktop.domain.ExportContentAccess;
import fi.sd.desktop.domain.ExportDownloadLink;
import fi.sd.desktop.domain.ExportedFile;
import fi.sd.platform.problem.ProblemType;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.security.Caller;
import fi.sd.storage.ObjectName;

/**
 * Who gets an export's bytes ({@link ExportContentAccess}): its reviewers read them while they decide, and its
 * requester takes them out once approved through links of their own that expire
 * ({@code sd.desktop.exports.download-link-ttl}). Every read, link and download is in the audit log. This
 * decides and records; the bytes are streamed from the object store with no transaction open.
 */
@ApplicationScoped
public class ExportContent {

    /** Where a link's token is redeemed. */
    public static final String DOWNLOADS_PATH = "/api/v1/export-downloads/";

    private static final Logger LOG = Logger.getLogger(ExportContent.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    private final AirlockFlow flow;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Duration linkTtl;

    @Inject
    public ExportContent(AirlockFlow flow, AuditLog auditLog, Clock clock, DesktopConfig config) {
        this.flow = flow;
        this.auditLog = auditLog;
        this.clock = clock;
        this.linkTtl = config.exports().downloadLinkTtl();
    }

    /** A stored file the caller may have: where its bytes are and what they are. */
    public record StoredExportFile(String exportId, ObjectName object, String path, String fileName, long sizeBytes, String sha256) {
    }

    /**
     * A file a reviewer reads ({@code export.file.read} in the audit log): 404 for an export the caller cannot see,
     * a path it does not have, or one rejected or cancelled; 403 for anyone but its reviewers (the requester
     * included, who downloads through links once approved).
     */
    @Transactional
    public StoredExportFile reviewerRead(String exportId, String path, boolean preview, Caller caller) {
        AirlockExport export = flow.find(AirlockExport.class, exportId, caller);
        require(ExportContentAccess.REVIEW_READ, export, caller);
        ExportedFile file = storedFile(export, path);
        auditLog.record(export.workspaceId, caller.subject(), "export.file.read", "export " + export.id + ": " + file.path
                + (preview ? " previewed" : " read") + " (SHA-256 " + file.sha256 + ")");
        return stored(export, file);
    }

    /**
     * Links for the requester to download each file of the approved export, valid for the configured time:
     * 404 for an export the caller cannot see (or rejected, cancelled), 403 for anyone but its requester,
     * 409 before it is approved.
     */
    @Transactional
    public DownloadLinksView issueLinks(String exportId, Caller caller) {
        AirlockExport export = flow.find(AirlockExport.class, exportId, caller);
        require(ExportContentAccess.DOWNLOAD, export, caller);
        // The database keeps microseconds: the answer shows what the link's check reads back.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<DownloadLinksView.Link> links = new ArrayList<>();
        for (ExportedFile file : export.files) {
            if (file.storageKey == null) {
                continue;
            }
            String token = newToken();
            ExportDownloadLink link = new ExportDownloadLink();
            link.tokenSha256 = sha256(token);
            link.exportId = export.id;
            link.path = file.path;
            link.issuedTo = caller.subject();
            link.issuedAt = now;
            link.expiresAt = now.plus(linkTtl);
            link.persist();
            links.add(new DownloadLinksView.Link(file.path, file.sizeBytes, file.sha256, DOWNLOADS_PATH + token, link.expiresAt));
        }
        if (links.isEmpty()) {
            throw ProblemException.conflict("Export " + export.id + " was recorded before exports carried files: it has nothing to download");
        }
        auditLog.record(export.workspaceId, caller.subject(), "export.download-links.issued", "export " + export.id + ": "
                + links.size() + " link(s) valid until " + now.plus(linkTtl));
        return new DownloadLinksView(links);
    }

    /**
     * The file behind a link, for the caller who got it: 404 for a token that is unknown or another user's (a
     * token alone is not enough), or whose export is no longer approved; 403 once it expired. The download is
     * recorded as {@code export.downloaded} with the file and its SHA-256.
     */
    @Transactional
    public StoredExportFile redeem(String token, Caller caller) {
        ExportDownloadLink link = ExportDownloadLink.byTokenHash(sha256(token)).filter(l -> l.issuedTo.equals(caller.subject()))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No such download link of yours", null));
        if (link.expiredAt(clock.instant())) {
            throw ProblemException.forbidden("This download link expired at " + link.expiresAt + "; ask for new links "
                    + "(POST /api/v1/exports/" + link.exportId + "/download-links)");
        }
        AirlockExport export = flow.find(AirlockExport.class, link.exportId, caller);
        require(ExportContentAccess.DOWNLOAD, export, caller);
        ExportedFile file = storedFile(export, link.path);
        auditLog.record(export.workspaceId, caller.subject(), "export.downloaded", "export " + export.id + ": " + file.path + " ("
                + file.sizeBytes + " bytes, SHA-256 " + file.sha256 + ")");
        LOG.infof("Export %s: %s downloaded by %s", export.id, file.path, caller.subject());
        return stored(export, file);
    }

    private static void require(ExportContentAccess access, AirlockExport export, Caller caller) {
        Set<AirlockRole> roles = AirlockRole.of(caller, export.requestedBy);
        switch (access.judge(roles, export.status)) {
            case GRANTED -> {
            }
            case DELETED -> throw new ProblemException(ProblemType.NOT_FOUND, "Export " + export.id + " was "
                    + export.status.name().toLowerCase() + ": its files were deleted", null);
            case NOT_YOUR_ROLE -> throw ProblemException.forbidden(access == ExportContentAccess.REVIEW_READ
                    ? "Only the export's reviewers read its files before they leave; its requester downloads them through "
                            + "download links once it is approved"
                    : "Only the export's requester takes its files out");
            case NOT_NOW -> throw ProblemException.conflict("Export " + export.id + " is " + export.status.name().toLowerCase()
                    + ": its files may be downloaded once it is approved");
        }
    }

    private static ExportedFile storedFile(AirlockExport export, String path) {
        ExportedFile file = export.file(path).orElseThrow(() -> ProblemException.notFound("File", path + " of export " + export.id));
        if (file.storageKey == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Export " + export.id + " was recorded before exports carried files: "
                    + path + " has no stored bytes", null);
        }
        return file;
    }

    private static StoredExportFile stored(AirlockExport export, ExportedFile file) {
        return new StoredExportFile(export.id, ObjectName.of(export.permitId, file.storageKey), file.path, file.fileName(), file.sizeBytes,
                file.sha256);
    }

    private static String newToken() {
        byte[] token = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
