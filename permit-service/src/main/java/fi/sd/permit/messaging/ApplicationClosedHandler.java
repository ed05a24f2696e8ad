package fi.sd.permit.messaging;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import fi.sd.events.apply.ApplicationClosed;
import fi.sd.permit.domain.AccessApplicationState;
import fi.sd.permit.service.AccessApplications;

/** A closed application (by a handler, or because its permit ended) no longer covers its datasets. */
@Singleton
public class ApplicationClosedHandler extends ApplicationEndedHandler<ApplicationClosed> {

    @Inject
    public ApplicationClosedHandler(AccessApplications applications) {
        super(applications, ApplicationClosed.class, AccessApplicationState.CLOSED, ApplicationClosed::applicationId,
                ApplicationClosed::datasetIds);
    }
}
