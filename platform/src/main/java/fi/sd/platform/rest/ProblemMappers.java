package fi.sd.platform.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import fi.sd.platform.domain.CommandRefusedException;
import fi.sd.platform.problem.ProblemType;
import fi.sd.platform.rest.Problem.FieldError;
import fi.sd.platform.security.TokenFailures;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Every error any service answers, as RFC 9457 problem+json with the request id, its type one of
 * the {@link ProblemType} catalogue that the gateway answers with too. Bad input is a 4xx naming
 * the offending fields, or for a body that is not JSON, what is wrong and where; only a bug is a
 * 500, and its details stay in the log.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.type(), e.getMessage(), e.errors(), e.extensions(), uri);
    }

    /** A lifecycle's refusal: by role is 403, by state is 409. */
    @ServerExceptionMapper
    public Response refused(CommandRefusedException e, UriInfo uri) {
        return problem(e.reason() == CommandRefusedException.Reason.ROLE ? ProblemException.forbidden(e.getMessage())
                : ProblemException.conflict(e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return respond(ProblemType.VALIDATION, "The request has " + errors.size() + " invalid field(s)", errors, uri);
    }

    /** A body that is not JSON at all (the JSON reader hands it on wrapped in a 400). */
    @ServerExceptionMapper
    public Response unreadableJson(StreamReadException e, UriInfo uri) {
        return respond(ProblemType.MALFORMED_JSON, "The request body is not valid JSON" + at(e.getLocation()) + ": " + withoutSource(e),
                null, uri);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        String field = pathOf(e);
        String expected = e.getTargetType() == null ? "another value" : describe(e.getTargetType());
        return respond(ProblemType.VALIDATION, "A field has a value of the wrong type", List.of(new FieldError(field, "must be " + expected)),
                uri);
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        return respond(ProblemType.MALFORMED_JSON, "The request body cannot be read" + at(e.getLocation()) + ": " + withoutSource(e),
                null, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        if (TokenFailures.keysUnreachable(e)) {
            LOG.warnf("The identity provider's keys cannot be read: %s", e.getCause());
            return Response.fromResponse(respond(ProblemType.IDENTITY_PROVIDER_UNAVAILABLE,
                    "The identity provider's signing keys cannot be read now, so no token can be checked; retry shortly", null, uri))
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .build();
        }
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemType.FORBIDDEN, "Your role does not allow this", null, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json instanceof StreamReadException unreadable ? unreadableJson(unreadable, uri) : otherJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response response = ProblemType.forStatus(status).map(type -> respond(type, e.getMessage(), null, uri))
                .orElseGet(() -> unlisted(e.getResponse().getStatusInfo(), e.getMessage(), uri));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? response : Response.fromResponse(response).header(HttpHeaders.ALLOW, allow).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause.getClass().getName().equals("org.hibernate.StaleObjectStateException")) {
                return respond(ProblemType.CONCURRENT_UPDATE, "Someone else changed this at the same time; read it again and retry", null,
                        uri);
            }
        }
        LOG.errorf(e, "Unexpected error on %s", uri.getPath());
        return respond(ProblemType.INTERNAL_ERROR, "An unexpected error occurred; quote the request id when reporting it", null, uri);
    }

    private static Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(respond(ProblemType.UNAUTHENTICATED, "A valid bearer token is required", null, uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    static Response respond(ProblemType type, String detail, List<FieldError> errors, UriInfo uri) {
        return respond(type, detail, errors, Map.of(), uri);
    }

    static Response respond(ProblemType type, String detail, List<FieldError> errors, Map<String, Object> extensions, UriInfo uri) {
        return respond(type.uri(), type.title(), type.status(), detail, errors, extensions, uri);
    }

    /** A 4xx the catalogue has no type for (the framework raised it): named after its reason phrase. */
    private static Response unlisted(Response.StatusType status, String detail, UriInfo uri) {
        String title = status.getReasonPhrase() == null ? "HTTP " + status.getStatusCode() : status.getReasonPhrase();
        return respond(ProblemType.TYPE_PREFIX + slug(title), title, status.getStatusCode(), detail, null, Map.of(), uri);
    }

    private static Response respond(String type, String title, int status, String detail, List<FieldError> errors,
            Map<String, Object> extensions, UriInfo uri) {
        Problem problem = new Problem(type, title, status, detail, uri == null ? null : uri.getPath(), RequestIds.current().orElse(null),
                errors == null || errors.isEmpty() ? null : errors, extensions);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** " at line 3, column 14", or nothing when the reader did not say where. */
    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The reader's message without the source it may name ("[Source: ...; line: 1, column: 5]" becomes "[line: 1, column: 5]"). */
    private static String withoutSource(JsonProcessingException e) {
        return e.getOriginalMessage().replaceAll("\\[Source: [^;\\]]*; ", "[");
    }

    /** {@code create.request.persons[0].email} becomes {@code persons[0].email}; a bare parameter keeps its name. */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.length() > 0 ? field.toString() : parameter;
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            }
        }
        return field.length() > 0 ? field.toString() : "(body)";
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                names.add(constant.toString());
            }
            return "one of " + names;
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.getName().startsWith("java.time.")) {
            return "an ISO-8601 " + type.getSimpleName();
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        return "an object";
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
