package fi.sd.apply.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;

/** Makes the visa signing key at the service's first start, so that the JWKS is there before any visa is asked for. */
@ApplicationScoped
public class VisaKeyBootstrap {

    private final VisaKeys keys;

    @Inject
    public VisaKeyBootstrap(VisaKeys keys) {
        this.keys = keys;
    }

    void onStart(@Observes StartupEvent event) {
        keys.publicJwks();
    }
}
