package fi.sd.web.page;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import fi.sd.web.client.Application;
import fi.sd.web.client.CatalogueItem;
import fi.sd.web.security.Viewer;

/**
 * One application as the person looking at it may act on it: the page offers the commands the API lists
 * as allowed to them in the application's state ({@code allowedCommands}, from apply-service's command table).
 */
public record ApplicationPage(Application app, List<DatasetTerms> datasets, Viewer viewer) {

    public static ApplicationPage of(Application app, Map<String, CatalogueItem> catalogue, Viewer viewer) {
        List<DatasetTerms> datasets = app.datasetIds().stream()
                .map(id -> new DatasetTerms(id, Optional.ofNullable(catalogue.get(id)))).toList();
        return new ApplicationPage(app, datasets, viewer);
    }

    /** A data controller of the organisation that issued the permit: the application's handler. */
    public boolean handler() {
        return viewer.has(Viewer.DATA_CONTROLLER) && viewer.org() != null && viewer.org().equals(app.organisation());
    }

    /** The answers may be changed (the applicant, a draft or a returned application). */
    public boolean editable() {
        return app.allows("save-draft");
    }

    public boolean canAcceptInvitation() {
        return app.allows("accept-invitation");
    }

    /** Terms the viewer has still to accept (the current version of each), while they may accept them. */
    public boolean termsToAccept() {
        return app.allows("accept-terms") && datasets.stream().anyMatch(d -> d.terms().stream()
                .anyMatch(t -> !app.accepted(viewer.userId(), d.datasetId(), t.id(), t.version())));
    }

    public boolean acceptedEverything(String userId) {
        return datasets.stream().allMatch(d -> d.terms().stream().allMatch(t -> app.accepted(userId, d.datasetId(), t.id(), t.version())));
    }

    public boolean canSubmit() {
        return app.allows("submit");
    }

    /** Approve, return or reject: offered together, as the handler decides among them. */
    public boolean decidable() {
        return app.allows("approve") || app.allows("return") || app.allows("reject");
    }

    public boolean canInviteMembers() {
        return app.allows("invite-member");
    }

    public boolean canRequestReview() {
        return app.allows("request-review");
    }

    public boolean canClose() {
        return app.allows("close");
    }

    public boolean canRevoke() {
        return app.allows("revoke");
    }

    public boolean canRemark() {
        return app.allows("remark");
    }

    public boolean canReview() {
        return app.allows("review");
    }

    public boolean canRemoveMembers() {
        return app.allows("remove-member");
    }

    public boolean canCopy() {
        return app.allows("copy-as-new");
    }

    /** A dataset of the application with its catalogue item (absent when the item is no longer offered). */
    public record DatasetTerms(String datasetId, Optional<CatalogueItem> item) {

        public String title() {
            return item.map(CatalogueItem::title).orElse(datasetId);
        }

        public List<CatalogueItem.Term> terms() {
            return item.map(CatalogueItem::terms).orElse(List.of());
        }

        public List<CatalogueItem.Field> fields() {
            return item.map(CatalogueItem::fields).orElse(List.of());
        }
    }
}
