package fi.sd.web.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.TemplateInstance;

import fi.sd.web.page.PageContext;

/** Every page is rendered in the reader's language: the one they chose, else their browser's (en, fi, sv). */
@ApplicationScoped
public class ReadersLanguage implements TemplateInstance.Initializer {

    private final PageContext page;

    @Inject
    public ReadersLanguage(PageContext page) {
        this.page = page;
    }

    void register(@Observes EngineBuilder engine) {
        engine.addTemplateInstanceInitializer(this);
    }

    @Override
    public void accept(TemplateInstance template) {
        if (Arc.container().requestContext().isActive()) {
            template.setLocale(page.locale());
        }
    }
}
