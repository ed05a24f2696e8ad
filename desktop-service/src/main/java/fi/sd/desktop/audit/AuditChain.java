package fi.sd.desktop.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** How an entry's hash is computed: SHA-256 over its fields, each length-prefixed so no two entries read alike. */
public final class AuditChain {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(long seq, Instant occurredAt, String workspaceId, String actor, String action, String detail,
            String previousHash) {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[] { Long.toString(seq), occurredAt.toString(), workspaceId == null ? "" : workspaceId,
                actor, action, detail, previousHash }) {
            canonical.append(field.length()).append(':').append(field).append('|');
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public static String hashOf(AuditEntry entry) {
        return hash(entry.seq, entry.occurredAt, entry.workspaceId, entry.actor, entry.action, entry.detail, entry.previousHash);
    }
}
