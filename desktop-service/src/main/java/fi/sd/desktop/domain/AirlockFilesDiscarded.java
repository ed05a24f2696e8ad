package fi.sd.desktop.domain;

import java.util.List;

/**
 * An airlock request ended without its files going anywhere (rejected, cancelled, failed): fired in the
 * transaction that ended it, so that its stored objects are deleted once that transaction has committed.
 */
public record AirlockFilesDiscarded(AirlockKind kind, String requestId, String workspaceId, String permitId, List<String> objects) {

    public AirlockFilesDiscarded {
        objects = List.copyOf(objects);
    }
}
