package fi.sd.apply.mapping;

import java.util.Comparator;

import fi.sd.apply.api.CatalogueView;
import fi.sd.apply.domain.CatalogueItem;

/** Catalogue items to their API view. */
public final class CatalogueMapper {

    private CatalogueMapper() {
    }

    public static CatalogueView toView(CatalogueItem item) {
        return new CatalogueView(item.id, item.datasetId, item.organisation, item.title, item.description, item.enabled,
                item.currentTerms().stream().sorted(Comparator.comparing(t -> t.termId))
                        .map(t -> new CatalogueView.Term(t.termId, t.version, t.title, t.text)).toList(),
                item.fields.stream().map(f -> new CatalogueView.Field(f.fieldId, f.type, f.label, f.required, f.optionList())).toList(),
                item.createdAt, item.updatedAt);
    }
}
