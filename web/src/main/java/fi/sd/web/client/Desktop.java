package fi.sd.web.client;

import java.time.Instant;
import java.util.Set;

/** A virtual desktop of a workspace. */
public record Desktop(
        String id,
        String workspaceId,
        String name,
        String flavour,
        int cores,
        int memoryGb,
        String image,
        int volumeGb,
        String status,
        String error,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    /** The states in which the cloud is still working: the page keeps asking until it is done. */
    private static final Set<String> CHANGING = Set.of("CREATING", "REBOOTING", "DELETING");

    public boolean changing() {
        return CHANGING.contains(status);
    }

    public boolean is(String state) {
        return state.equals(status);
    }

    public boolean deletable() {
        return Set.of("RUNNING", "PAUSED", "STOPPED", "FAILED").contains(status);
    }
}
