package fi.sd.desktop.domain;

import java.util.Locale;

/**
 * What the commands on imports and on exports share. Both are enums and use one vocabulary for the
 * steps the airlock's flow treats alike: {@code CANCEL} is the requester's withdrawal (or a lock's),
 * {@code REJECT} a reviewer's refusal.
 */
public interface AirlockCommand {

    /** The enum constant's name. */
    String name();

    /** The command's name in the API: {@code POST /imports/{id}/approve}. */
    default String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The audit log's name for it: {@code import.approved}, {@code export.approval.given}, ... */
    String auditAction();

    /** The requester's withdrawal: no review, so the two-person rule has nothing to refuse. */
    default boolean withdraws() {
        return name().equals("CANCEL");
    }

    /** A rejection: the requester must learn why, so it needs a comment. */
    default boolean rejects() {
        return name().equals("REJECT");
    }
}
