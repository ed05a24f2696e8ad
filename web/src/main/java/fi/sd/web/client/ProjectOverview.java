package fi.sd.web.client;

import java.util.List;

/** The gateway's view of one project: each part as its service shows it to the caller, or why it is missing. */
public record ProjectOverview(String projectId, Part<Permit> permits, Part<Application> applications, Part<Workspace> workspaces) {

    /** One service's part: its items, or {@code available} false with the service and the reason. */
    public record Part<T>(boolean available, List<T> items, String service, String reason, Integer status) {

        public List<T> itemsOrEmpty() {
            return items == null ? List.of() : items;
        }
    }
}
