package fi.sd.web.client;

import java.util.List;

import org.jboss.resteasy.reactive.RestResponse;

/** One page of a list the API pages (total in {@code X-Total-Count}), with what a pager needs. */
public record Listing<T>(List<T> items, long total, int page, int size) {

    public static <T> Listing<T> of(RestResponse<List<T>> response, int page, int size) {
        String total = response.getHeaderString("X-Total-Count");
        List<T> items = response.getEntity() == null ? List.of() : response.getEntity();
        return new Listing<>(items, total == null ? items.size() : Long.parseLong(total), page, size);
    }

    public boolean empty() {
        return items.isEmpty();
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public int previousPage() {
        return Math.max(0, page - 1);
    }

    public int nextPage() {
        return page + 1;
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public long first() {
        return total == 0 ? 0 : (long) page * size + 1;
    }

    public long last() {
        return Math.min(total, (long) (page + 1) * size);
    }
}
