package fi.sd.permit.messaging;

import java.util.List;
import java.util.function.Function;

import fi.sd.events.EventPayload;
import fi.sd.permit.domain.AccessApplicationState;
import fi.sd.permit.service.AccessApplications;
import fi.sd.platform.inbox.EventContext;
import fi.sd.platform.inbox.EventHandler;

/** An application that ended (revoked or closed) no longer covers its datasets. */
abstract class ApplicationEndedHandler<T extends EventPayload> implements EventHandler<T> {

    private final AccessApplications applications;
    private final Class<T> payloadType;
    private final AccessApplicationState endState;
    private final Function<T, String> applicationId;
    private final Function<T, List<String>> datasetIds;

    ApplicationEndedHandler(AccessApplications applications, Class<T> payloadType, AccessApplicationState endState,
            Function<T, String> applicationId, Function<T, List<String>> datasetIds) {
        this.applications = applications;
        this.payloadType = payloadType;
        this.endState = endState;
        this.applicationId = applicationId;
        this.datasetIds = datasetIds;
    }

    @Override
    public Class<T> payloadType() {
        return payloadType;
    }

    @Override
    public void handle(T event, EventContext context) {
        applications.ended(applicationId.apply(event), event.permitId(), datasetIds.apply(event), endState, event.occurredAt());
    }
}
