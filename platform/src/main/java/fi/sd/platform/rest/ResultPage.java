package fi.sd.platform.rest;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * One page of a list and the size of the whole list. Answered as a plain JSON array, with the
 * total in {@code X-Total-Count} and the neighbouring pages in an RFC 8288 {@code Link} header.
 */
public record ResultPage<T>(List<T> items, long total, PageRequest request) {

    public static final String TOTAL_COUNT = "X-Total-Count";

    public <R> ResultPage<R> map(Function<T, R> mapper) {
        return new ResultPage<>(items.stream().map(mapper).toList(), total, request);
    }

    public Response toResponse(UriInfo uri) {
        Response.ResponseBuilder response = Response.ok(items).header(TOTAL_COUNT, total);
        if (request.offset() + items.size() < total) {
            response.link(pageUri(uri, request.page() + 1), "next");
        }
        if (request.page() > 0) {
            response.link(pageUri(uri, request.page() - 1), "prev");
        }
        return response.build();
    }

    private URI pageUri(UriInfo uri, int page) {
        return uri.getRequestUriBuilder().replaceQueryParam("page", page).replaceQueryParam("size", request.size()).build();
    }
}
