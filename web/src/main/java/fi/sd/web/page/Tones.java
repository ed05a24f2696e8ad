package fi.sd.web.page;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** The colour of a status tag: good, waiting, ended badly, or neutral ({@code {inject:tones.of('permit', p.status)}}). */
@Named("tones")
@ApplicationScoped
public class Tones {

    private static final Map<String, Set<String>> OK = Map.of(
            "permit", Set.of("ACTIVE"), "application", Set.of("APPROVED"), "workspace", Set.of("READY"),
            "desktop", Set.of("RUNNING"), "session", Set.of("OPEN"), "import", Set.of("COMPLETED", "APPROVED"),
            "export", Set.of("APPROVED"), "member", Set.of("JOINED"), "entitlement", Set.of("ACTIVE"), "release", Set.of("RELEASED"));
    private static final Set<String> WAITING = Set.of("SUBMITTED", "RETURNED", "PROVISIONING", "CREATING", "REBOOTING", "DELETING",
            "IN_REVIEW", "INVITED", "PAUSED", "DRAFT", "UPLOADING", "COPYING");
    private static final Set<String> BAD = Set.of("REVOKED", "REJECTED", "FAILED", "LOCKED", "PURGED", "EXPIRED", "CANCELLED", "COPY_FAILED");

    public String of(String kind, String value) {
        if (OK.getOrDefault(kind, Set.of()).contains(value)) {
            return "ok";
        }
        if (WAITING.contains(value)) {
            return "warn";
        }
        return BAD.contains(value) ? "bad" : "";
    }
}
