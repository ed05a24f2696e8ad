package fi.sd.apply.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fi.sd.platform.config.BoundedSettings;
import fi.sd.platform.config.SettingChecks;

/** The bounds of {@link ApplyConfig}'s numbers, checked when the service starts (a setting out of bounds stops it). */
@ApplicationScoped
public class ApplySettingBounds implements BoundedSettings {

    private final ApplyConfig config;

    @Inject
    public ApplySettingBounds(ApplyConfig config) {
        this.config = config;
    }

    @Override
    public SettingChecks check() {
        return new SettingChecks()
                .atLeast("sd.apply.entitlements.batch-size", config.entitlements().batchSize(), 1);
    }
}
