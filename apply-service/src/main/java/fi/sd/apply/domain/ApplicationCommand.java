package fi.sd.apply.domain;

import java.util.Arrays;
import java.util.Optional;

/** The commands of {@code POST /applications/{id}/{command}}, named as in the API. */
public enum ApplicationCommand {
    SAVE_DRAFT,
    INVITE_MEMBER,
    ACCEPT_INVITATION,
    ACCEPT_TERMS,
    REMOVE_MEMBER,
    SUBMIT,
    COPY_AS_NEW,
    RETURN,
    APPROVE,
    REJECT,
    CLOSE,
    REVOKE,
    REMARK,
    REQUEST_REVIEW,
    REVIEW;

    /** The command's name in the URL, e.g. {@code accept-terms}. */
    public String path() {
        return name().toLowerCase().replace('_', '-');
    }

    public static Optional<ApplicationCommand> fromPath(String path) {
        return Arrays.stream(values()).filter(c -> c.path().equals(path)).findFirst();
    }
}
