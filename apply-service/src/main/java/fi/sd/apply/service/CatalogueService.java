package fi.sd.apply.service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fi.sd.apply.api.CatalogueRequest;
import fi.sd.apply.api.CatalogueView;
import fi.sd.apply.domain.CatalogueItem;
import fi.sd.apply.domain.CatalogueTerm;
import fi.sd.apply.domain.FieldType;
import fi.sd.apply.domain.FormField;
import fi.sd.apply.mapping.CatalogueMapper;
import fi.sd.platform.rest.Problem.FieldError;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.security.Caller;
import fi.sd.platform.security.Role;

/** The catalogue: every signed-in user reads the enabled items; only the owning organisation's controllers write. */
@ApplicationScoped
@Transactional
public class CatalogueService {

    private static final Logger LOG = Logger.getLogger(CatalogueService.class);

    private final Clock clock;

    @Inject
    public CatalogueService(Clock clock) {
        this.clock = clock;
    }

    /** Enabled items for everyone; a controller also sees its own organisation's disabled ones. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CatalogueView> list(Caller caller) {
        return CatalogueItem.<CatalogueItem>list("order by datasetId").stream()
                .filter(item -> item.enabled || caller.controls(item.organisation) || caller.readsEverything())
                .map(CatalogueMapper::toView).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CatalogueView find(String id, Caller caller) {
        return CatalogueMapper.toView(visible(id, caller));
    }

    public CatalogueView create(CatalogueRequest request, Caller caller) {
        requireOwner(request.organisation(), caller);
        requireConsistent(request);
        if (CatalogueItem.forDataset(request.datasetId()).isPresent()) {
            throw ProblemException.conflict("Dataset " + request.datasetId() + " is already in the catalogue");
        }
        Instant now = clock.instant();
        CatalogueItem item = new CatalogueItem();
        item.id = UUID.randomUUID().toString();
        item.datasetId = request.datasetId();
        item.organisation = request.organisation();
        item.createdAt = now;
        apply(request, item, now);
        item.persist();
        LOG.infof("Catalogue item %s for dataset %s created by %s", item.id, item.datasetId, caller.subject());
        return CatalogueMapper.toView(item);
    }

    /** Replaces the item's text, terms, form and availability; a changed term becomes its next version. */
    public CatalogueView update(String id, CatalogueRequest request, Caller caller) {
        CatalogueItem item = visible(id, caller);
        requireOwner(item.organisation, caller);
        if (!item.datasetId.equals(request.datasetId()) || !item.organisation.equals(request.organisation())) {
            throw ProblemException.unprocessable("An item's dataset and organisation cannot change",
                    List.of(new FieldError("datasetId", "must be " + item.datasetId),
                            new FieldError("organisation", "must be " + item.organisation)));
        }
        requireConsistent(request);
        apply(request, item, clock.instant());
        LOG.infof("Catalogue item %s updated by %s", item.id, caller.subject());
        return CatalogueMapper.toView(item);
    }

    private CatalogueItem visible(String id, Caller caller) {
        return CatalogueItem.<CatalogueItem>findByIdOptional(id)
                .filter(item -> item.enabled || caller.controls(item.organisation) || caller.readsEverything())
                .orElseThrow(() -> ProblemException.notFound("Catalogue item", id));
    }

    private static void requireOwner(String organisation, Caller caller) {
        caller.requireAny(Role.DATA_CONTROLLER);
        if (!caller.controls(organisation)) {
            throw ProblemException.forbidden("Only a data-controller of " + organisation + " may edit its catalogue");
        }
    }

    /** Ids unique within the item; options exactly on option fields. */
    private static void requireConsistent(CatalogueRequest request) {
        Set<String> termIds = new HashSet<>();
        for (int i = 0; i < request.termsOrEmpty().size(); i++) {
            if (!termIds.add(request.termsOrEmpty().get(i).id())) {
                throw ProblemException.unprocessable("terms[" + i + "].id", "is listed twice");
            }
        }
        Set<String> fieldIds = new HashSet<>();
        for (int i = 0; i < request.fieldsOrEmpty().size(); i++) {
            CatalogueRequest.Field field = request.fieldsOrEmpty().get(i);
            if (!fieldIds.add(field.id())) {
                throw ProblemException.unprocessable("fields[" + i + "].id", "is listed twice");
            }
            boolean hasOptions = field.options() != null && !field.options().isEmpty();
            if ((field.type() == FieldType.OPTION) != hasOptions) {
                throw ProblemException.unprocessable("fields[" + i + "].options",
                        field.type() == FieldType.OPTION ? "an option field needs its options" : "only an option field has options");
            }
        }
    }

    private static void apply(CatalogueRequest request, CatalogueItem item, Instant now) {
        item.title = request.title().strip();
        item.description = request.description().strip();
        item.enabled = request.enabled() == null || request.enabled();
        item.updatedAt = now;
        Set<String> kept = new HashSet<>();
        for (CatalogueRequest.Term term : request.termsOrEmpty()) {
            kept.add(term.id());
            String title = term.title().strip();
            String text = term.text().strip();
            CatalogueTerm current = item.currentTerm(term.id()).orElse(null);
            if (current != null && current.title.equals(title) && current.text.equals(text)) {
                continue;
            }
            int latest = item.terms.stream().filter(t -> t.termId.equals(term.id())).mapToInt(t -> t.version).max().orElse(0);
            if (current != null) {
                current.current = false;
            }
            CatalogueTerm next = new CatalogueTerm();
            next.termId = term.id();
            next.version = latest + 1;
            next.title = title;
            next.text = text;
            next.current = true;
            next.createdAt = now;
            item.terms.add(next);
        }
        item.terms.stream().filter(t -> t.current && !kept.contains(t.termId)).forEach(t -> t.current = false);
        item.fields.clear();
        for (CatalogueRequest.Field input : request.fieldsOrEmpty()) {
            FormField field = new FormField();
            field.fieldId = input.id();
            field.type = input.type();
            field.label = input.label().strip();
            field.required = input.required();
            field.options = input.options() == null || input.options().isEmpty() ? null : String.join("\n", input.options());
            item.fields.add(field);
        }
    }
}
