package fi.sd.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import fi.sd.web.client.Listing;
import fi.sd.web.client.PublicPermit;
import fi.sd.web.client.PublicRegisterApi;
import fi.sd.web.config.WebConfig;
import fi.sd.web.page.Query;

/** The public register of data permits (EHDS Art. 57): no sign-in, no person named. */
@Path("/register")
public class RegisterPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance register(Listing<PublicPermit> permits, String status, String journalNumber, String query);
    }

    private final PublicRegisterApi register;
    private final WebConfig config;

    @Inject
    public RegisterPages(@RestClient PublicRegisterApi register, WebConfig config) {
        this.register = register;
        this.config = config;
    }

    @GET
    public TemplateInstance register(@RestQuery String status, @RestQuery String journalNumber, @RestQuery int page) {
        String state = Filters.oneOf(status, "ACTIVE", "EXPIRED", "REVOKED");
        String journal = Filters.text(journalNumber);
        int from = Math.max(0, page);
        return Templates.register(Listing.of(register.list(state, journal, from, config.pageSize()), from, config.pageSize()), state, journal,
                Query.of("journalNumber", journal, "status", state));
    }
}
