package fi.sd.web.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

import fi.sd.web.client.ApiProblem;

/** A form shown again after the API refused it, with the API's status (400, 409, 422...) so that the refusal is not a success. */
final class Pages {

    private Pages() {
    }

    static Response refused(ApiProblem refusal, TemplateInstance page) {
        if (refusal.is(404) || refusal.is(401) || refusal.status() >= 500 || refusal.is(429)) {
            throw refusal;
        }
        return html(refusal.status(), page);
    }

    /** A form the web itself found wrong, before asking the API. */
    static Response invalid(TemplateInstance page) {
        return html(400, page);
    }

    static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }
}
