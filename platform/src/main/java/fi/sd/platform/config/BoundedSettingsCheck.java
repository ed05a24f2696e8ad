package fi.sd.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import io.quarkus.runtime.StartupEvent;

/** Checks every {@link BoundedSettings} bean at start: a setting out of bounds stops the service, naming it. */
@ApplicationScoped
public class BoundedSettingsCheck {

    void onStart(@Observes StartupEvent event, Instance<BoundedSettings> settings) {
        SettingChecks all = new SettingChecks();
        settings.forEach(bounded -> all.include(bounded.check()));
        all.verify();
    }
}
