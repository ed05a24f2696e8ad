package fi.sd.permit.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fi.sd.events.apply.ApplicationApproved;
import fi.sd.permit.service.AccessApplications;
import fi.sd.platform.inbox.EventContext;
import fi.sd.platform.inbox.EventHandler;

/** An approved application lets the controller release the datasets it covers. */
@ApplicationScoped
public class ApplicationApprovedHandler implements EventHandler<ApplicationApproved> {

    private final AccessApplications applications;

    @Inject
    public ApplicationApprovedHandler(AccessApplications applications) {
        this.applications = applications;
    }

    @Override
    public Class<ApplicationApproved> payloadType() {
        return ApplicationApproved.class;
    }

    @Override
    public void handle(ApplicationApproved event, EventContext context) {
        applications.approved(event);
    }
}
