package fi.sd.permit.messaging;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import fi.sd.events.apply.ApplicationRevoked;
import fi.sd.permit.domain.AccessApplicationState;
import fi.sd.permit.service.AccessApplications;

/** A revoked application no longer covers its datasets. */
@Singleton
public class ApplicationRevokedHandler extends ApplicationEndedHandler<ApplicationRevoked> {

    @Inject
    public ApplicationRevokedHandler(AccessApplications applications) {
        super(applications, ApplicationRevoked.class, AccessApplicationState.REVOKED, ApplicationRevoked::applicationId,
                ApplicationRevoked::datasetIds);
    }
}
