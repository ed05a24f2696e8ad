package fi.sd.web.rest;

import java.net.URI;

import jakarta.ws.rs.core.Response;

/** After a command: 303 to the page that shows its outcome, with the notice of what was done. */
final class Redirects {

    private Redirects() {
    }

    /** {@code path} may end in a {@code #fragment}, which stays at the end. */
    static Response to(String path, String done) {
        int hash = path.indexOf('#');
        String base = hash < 0 ? path : path.substring(0, hash);
        String fragment = hash < 0 ? "" : path.substring(hash);
        return Response.seeOther(URI.create(base + (base.contains("?") ? "&" : "?") + "done=" + done + fragment)).build();
    }
}
