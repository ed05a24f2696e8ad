package fi.sd.web.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import fi.sd.web.client.ApiProblem;
import fi.sd.web.client.Application;
import fi.sd.web.client.ApplyApi;
import fi.sd.web.client.CatalogueItem;
import fi.sd.web.client.Listing;
import fi.sd.web.client.Permit;
import fi.sd.web.client.PermitApi;
import fi.sd.web.config.WebConfig;
import fi.sd.web.i18n.Formats;
import fi.sd.web.page.ApplicationPage;
import fi.sd.web.page.Bodies;
import fi.sd.web.page.Form;
import fi.sd.web.page.FormData;
import fi.sd.web.page.PageContext;
import fi.sd.web.page.ProblemTexts;
import fi.sd.web.page.Query;

/**
 * SD Apply's applications: a researcher's own (start one under a register permit, answer, invite
 * members, accept terms, submit, follow it, copy it), and a controller's "Actions" inbox and decisions.
 */
@Path("/")
@Authenticated
public class ApplicationPages {

    /** REMS's commands as apply-service names them in {@code POST /applications/{id}/{command}}. */
    static final Set<String> COMMANDS = Set.of("save-draft", "invite-member", "accept-invitation", "accept-terms", "remove-member",
            "submit", "copy-as-new", "return", "approve", "reject", "close", "revoke", "remark", "request-review", "review");
    static final List<String> COMMAND_INPUTS = List.of("comment", "userId", "userIds", "userIds[]", "entitlementEnd", "answers",
            "answers[]");
    static final List<String> STATES = List.of("DRAFT", "SUBMITTED", "RETURNED", "APPROVED", "REJECTED", "CLOSED", "REVOKED");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance applications(Listing<Application> applications, String state, String query);

        static native TemplateInstance actions(Listing<Application> applications, String state, String query);

        static native TemplateInstance start(List<Permit> permits, String datasetId, Permit chosen, Form form);

        static native TemplateInstance application(ApplicationPage view, Form form, String command);
    }

    private final ApplyApi apply;
    private final PermitApi permits;
    private final PageContext page;
    private final WebConfig config;

    @Inject
    public ApplicationPages(@RestClient ApplyApi apply, @RestClient PermitApi permits, PageContext page, WebConfig config) {
        this.apply = apply;
        this.permits = permits;
        this.page = page;
        this.config = config;
    }

    @GET
    @Path("applications")
    public TemplateInstance applications(@RestQuery String state, @RestQuery int page) {
        String chosen = Filters.oneOf(state, STATES.toArray(String[]::new));
        return Templates.applications(list(chosen, page), chosen, Query.of("state", chosen));
    }

    /** The controller's inbox: submitted applications of its organisation's datasets wait for a decision. */
    @GET
    @Path("actions")
    public TemplateInstance actions(@RestQuery String state, @RestQuery int page) {
        String chosen = state == null ? "SUBMITTED" : Filters.oneOf(state, STATES.toArray(String[]::new));
        return Templates.actions(list(chosen, page), chosen, Query.of("state", chosen == null ? "" : chosen));
    }

    private Listing<Application> list(String state, int page) {
        int from = Math.max(0, page);
        return Listing.of(apply.applications(null, null, state, from, config.pageSize()), from, config.pageSize());
    }

    /**
     * Starting an application: under one of the person's active register permits, for datasets of it. Coming
     * from the catalogue names the dataset; coming from a permit names the permit.
     */
    @GET
    @Path("applications/new")
    public TemplateInstance startForm(@RestQuery String datasetId, @RestQuery String permitId) {
        List<Permit> usable = usablePermits(datasetId);
        Permit chosen = permitId == null ? (usable.size() == 1 ? usable.get(0) : null)
                : usable.stream().filter(p -> p.id().equals(permitId)).findFirst().orElse(null);
        Form form = Form.empty();
        if (datasetId != null) {
            form.with("datasetIds", datasetId);
        }
        return Templates.start(usable, datasetId, chosen, form);
    }

    @POST
    @Path("applications")
    public Response start(MultivaluedMap<String, String> posted) {
        FormData data = new FormData(posted);
        try {
            Application created = apply.apply(Bodies.of("permitId", data.text("permitId"), "datasetIds", data.all("datasetIds")));
            return Redirects.to("/applications/" + Paths.segment(created.id()), "application-created");
        } catch (ApiProblem refused) {
            List<Permit> usable = usablePermits(null);
            Permit chosen = usable.stream().filter(p -> p.id().equals(data.text("permitId"))).findFirst().orElse(null);
            return Pages.refused(refused, Templates.start(usable, null, chosen,
                    Form.of(data).refused(refused, List.of("permitId", "datasetIds", "datasetIds[]"), page.locale())));
        }
    }

    private List<Permit> usablePermits(String datasetId) {
        String me = page.user().userId();
        return permits.list("ACTIVE", null, 0, 200).getEntity().stream()
                .filter(p -> "REGISTER".equals(p.route()) && p.names(me) && (datasetId == null || p.covers(datasetId))).toList();
    }

    @GET
    @Path("applications/{id}")
    public TemplateInstance application(@PathParam("id") String id) {
        return Templates.application(view(apply.application(id)), Form.empty(), null);
    }

    @POST
    @Path("applications/{id}/{command}")
    public Response command(@PathParam("id") String id, @PathParam("command") String command, MultivaluedMap<String, String> posted) {
        if (!COMMANDS.contains(command)) {
            throw new NotFoundException();
        }
        FormData data = new FormData(posted);
        Form form = Form.of(data).scope(command);
        try {
            Map<String, Object> body = body(command, data, posted, form);
            if (form.invalid()) {
                return Pages.invalid(Templates.application(view(apply.application(id)), form, command));
            }
            Application after = apply.command(id, command, body);
            String shown = "copy-as-new".equals(command) ? after.id() : id;
            return Redirects.to("/applications/" + Paths.segment(shown) + "#" + ("copy-as-new".equals(command) ? "top" : "state"), command);
        } catch (ApiProblem refused) {
            return Pages.refused(refused, Templates.application(view(apply.application(id)),
                    form.refused(refused, COMMAND_INPUTS, page.locale()), command));
        }
    }

    /** The command's body from its form; a date the web cannot read is its own error on the form. */
    private Map<String, Object> body(String command, FormData data, MultivaluedMap<String, String> posted, Form form) {
        Map<String, Object> body = Bodies.of("comment", data.text("comment"));
        switch (command) {
            case "invite-member", "remove-member" -> body.put("userId", data.text("userId"));
            case "request-review" -> body.put("userIds", data.text("userIds") == null ? List.of()
                    : Arrays.stream(data.text("userIds").split("[,\\s]+")).filter(u -> !u.isBlank()).toList());
            case "remark" -> body.put("public", data.checked("public"));
            case "approve" -> {
                String end = data.text("entitlementEnd");
                if (end != null) {
                    try {
                        // The entitlement lasts to the end of the chosen day in Helsinki.
                        body.put("entitlementEnd", LocalDate.parse(end).plusDays(1).atStartOfDay(Formats.HELSINKI).minusSeconds(1)
                                .toInstant().toString());
                    } catch (DateTimeParseException unreadable) {
                        form.error("entitlementEnd", ProblemTexts.messages(page.locale()).invalid_date(), page.locale());
                    }
                }
            }
            case "save-draft" -> body.put("answers", answers(posted));
            default -> {
            }
        }
        return body;
    }

    /** Answers are inputs named {@code answer.<datasetId>.<fieldId>}; an emptied one is sent empty, which clears it. */
    private static List<Map<String, Object>> answers(MultivaluedMap<String, String> posted) {
        List<Map<String, Object>> answers = new ArrayList<>();
        posted.forEach((name, values) -> {
            if (name.startsWith("answer.")) {
                String[] parts = name.split("\\.", 3);
                if (parts.length == 3) {
                    String value = values.isEmpty() ? "" : values.get(values.size() - 1).strip();
                    answers.add(Bodies.of("datasetId", parts[1], "fieldId", parts[2], "value", value));
                }
            }
        });
        return answers;
    }

    private ApplicationPage view(Application application) {
        Map<String, CatalogueItem> catalogue = apply.catalogue().stream()
                .collect(Collectors.toMap(CatalogueItem::datasetId, Function.identity(), (a, b) -> a));
        return ApplicationPage.of(application, catalogue, page.user());
    }
}
