package fi.sd.web.rest;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import fi.sd.web.client.AuditEntry;
import fi.sd.web.client.AuditVerification;
import fi.sd.web.client.DesktopApi;
import fi.sd.web.client.Listing;
import fi.sd.web.config.WebConfig;
import fi.sd.web.i18n.Formats;
import fi.sd.web.page.Form;
import fi.sd.web.page.PageContext;
import fi.sd.web.page.ProblemTexts;
import fi.sd.web.page.Query;

/** The audit log for auditors: search by workspace, person and time (Helsinki time), paged; and the chain's verification. */
@Path("/audit")
@Authenticated
public class AuditPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(Listing<AuditEntry> entries, Form filters, String query);

        static native TemplateInstance verification(AuditVerification verification);
    }

    private final DesktopApi desktops;
    private final PageContext page;
    private final WebConfig config;

    @Inject
    public AuditPages(@RestClient DesktopApi desktops, PageContext page, WebConfig config) {
        this.desktops = desktops;
        this.page = page;
        this.config = config;
    }

    @GET
    public TemplateInstance audit(@RestQuery String workspaceId, @RestQuery String actor, @RestQuery String from, @RestQuery String to,
            @RestQuery int page) {
        Form filters = Form.empty();
        String workspace = remember(filters, "workspaceId", Filters.text(workspaceId));
        String person = remember(filters, "actor", Filters.text(actor));
        String since = instant(filters, "from", Filters.text(from));
        String until = instant(filters, "to", Filters.text(to));
        int first = Math.max(0, page);
        Listing<AuditEntry> entries = Listing.of(desktops.audit(workspace, person, since, until, first, config.pageSize()), first,
                config.pageSize());
        return Templates.audit(entries, filters, Query.of("workspaceId", workspace, "actor", person, "from", filters.value("from"),
                "to", filters.value("to")));
    }

    /** The chain walked from its first entry, asked for on its own (it reads the whole log). */
    @GET
    @Path("/verification")
    public TemplateInstance verification() {
        return Templates.verification(desktops.verifyAudit());
    }

    private static String remember(Form filters, String name, String value) {
        if (value != null) {
            filters.with(name, value);
        }
        return value;
    }

    /** A time typed in Helsinki ({@code 2026-12-01T09:30}) as the instant the API filters by; unreadable: an error beside it. */
    private String instant(Form filters, String name, String value) {
        if (value == null) {
            return null;
        }
        filters.with(name, value);
        try {
            return LocalDateTime.parse(value).atZone(Formats.HELSINKI).toInstant().toString();
        } catch (DateTimeParseException unreadable) {
            filters.error(name, ProblemTexts.messages(page.locale()).invalid_date(), page.locale());
            return null;
        }
    }
}
