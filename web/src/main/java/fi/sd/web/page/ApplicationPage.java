package fi.sd.web.page;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import fi.sd.web.client.Application;
import fi.sd.web.client.CatalogueItem;
import fi.sd.web.security.Viewer;

/**
 * One application as the person looking at it may act on it: which of REMS's commands the page offers
 * them follows apply-service's rules (role × state), which the API enforces again.
 */
public record ApplicationPage(Application app, List<DatasetTerms> datasets, Viewer viewer) {

    public static ApplicationPage of(Application app, Map<String, CatalogueItem> catalogue, Viewer viewer) {
        List<DatasetTerms> datasets = app.datasetIds().stream()
                .map(id -> new DatasetTerms(id, Optional.ofNullable(catalogue.get(id)))).toList();
        return new ApplicationPage(app, datasets, viewer);
    }

    public boolean applicant() {
        return viewer.userId().equals(app.applicant());
    }

    /** The viewer's membership: INVITED, JOINED, or null. */
    public String membership() {
        return app.member(viewer.userId()).map(Application.Member::status).orElse(null);
    }

    public boolean joined() {
        return applicant() || "JOINED".equals(membership());
    }

    /** A data controller of the organisation that issued the permit: the application's handler. */
    public boolean handler() {
        return viewer.has(Viewer.DATA_CONTROLLER) && viewer.org() != null && viewer.org().equals(app.organisation());
    }

    public boolean reviewer() {
        return app.reviewers() != null && app.reviewers().contains(viewer.userId());
    }

    public boolean editable() {
        return applicant() && app.in("DRAFT", "RETURNED");
    }

    public boolean open() {
        return app.in("DRAFT", "SUBMITTED", "RETURNED", "APPROVED");
    }

    public boolean canAcceptInvitation() {
        return "INVITED".equals(membership()) && open();
    }

    /** Terms the viewer has still to accept (the current version of each), while the application is open. */
    public boolean termsToAccept() {
        return joined() && open() && datasets.stream().anyMatch(d -> d.terms().stream()
                .anyMatch(t -> !app.accepted(viewer.userId(), d.datasetId(), t.id(), t.version())));
    }

    public boolean acceptedEverything(String userId) {
        return datasets.stream().allMatch(d -> d.terms().stream().allMatch(t -> app.accepted(userId, d.datasetId(), t.id(), t.version())));
    }

    public boolean decidable() {
        return handler() && app.in("SUBMITTED");
    }

    public boolean canRequestReview() {
        return handler() && app.in("SUBMITTED", "RETURNED");
    }

    public boolean canClose() {
        return handler() && app.in("SUBMITTED", "RETURNED", "APPROVED") || applicant() && app.in("RETURNED");
    }

    public boolean canRevoke() {
        return handler() && app.in("APPROVED");
    }

    public boolean canRemark() {
        return (handler() || reviewer()) && !app.in("DRAFT");
    }

    public boolean canReview() {
        return reviewer() && app.in("SUBMITTED", "RETURNED");
    }

    public boolean canRemoveMembers() {
        return editable() || handler() && app.in("SUBMITTED", "RETURNED", "APPROVED");
    }

    public boolean canCopy() {
        return applicant() || joined();
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
