package fi.sd.web.client;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Every answer of 400 or more from the gateway becomes an {@link ApiProblem}, its problem+json body read when there is one. */
public class ApiProblemMapper implements ResponseExceptionMapper<ApiProblem> {

    private static final Logger LOG = Logger.getLogger(ApiProblemMapper.class);

    @Override
    public ApiProblem toThrowable(Response response) {
        Body body = null;
        MediaType type = response.getMediaType();
        if (type != null && type.getSubtype().endsWith("json") && response.hasEntity()) {
            try {
                body = response.readEntity(Body.class);
            } catch (RuntimeException unreadable) {
                LOG.debugf("A %d answer without a readable problem body: %s", response.getStatus(), unreadable.getMessage());
            }
        }
        int status = response.getStatus();
        if (body == null) {
            return new ApiProblem(status, response.getStatusInfo().getReasonPhrase(), null,
                    response.getHeaderString("X-Request-Id"), List.of());
        }
        return new ApiProblem(status, body.title(), body.detail(), body.requestId(), body.errors());
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    /** The parts of a problem+json body the pages use. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Body(String title, String detail, String requestId, List<ApiProblem.FieldError> errors) {
    }
}
