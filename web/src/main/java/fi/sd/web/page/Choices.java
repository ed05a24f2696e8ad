package fi.sd.web.page;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** The fixed choices of the API's fields, for filters and selects ({@code {#for s in inject:choices.permitStatuses}}). */
@Named("choices")
@ApplicationScoped
public class Choices {

    public List<String> permitStatuses() {
        return List.of("ACTIVE", "EXPIRED", "REVOKED");
    }

    public List<String> applicationStates() {
        return List.of("DRAFT", "SUBMITTED", "RETURNED", "APPROVED", "REJECTED", "CLOSED", "REVOKED");
    }

    public List<String> workspaceStatuses() {
        return List.of("PROVISIONING", "READY", "LOCKED", "PURGED");
    }

    public List<String> flavours() {
        return List.of("small", "medium", "heavy");
    }

    public List<String> fieldTypes() {
        return List.of("TEXT", "LONG_TEXT", "DATE", "OPTION", "CHECKBOX");
    }

    public List<String> riskLevels() {
        return List.of("LOW", "HIGH");
    }

    public List<String> importKinds() {
        return List.of("SOFTWARE", "DATA");
    }
}
