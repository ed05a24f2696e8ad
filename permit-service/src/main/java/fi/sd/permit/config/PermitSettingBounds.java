package fi.sd.permit.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fi.sd.platform.config.BoundedSettings;
import fi.sd.platform.config.SettingChecks;

/** The bounds of {@link PermitConfig}'s numbers, checked when the service starts (a setting out of bounds stops it). */
@ApplicationScoped
public class PermitSettingBounds implements BoundedSettings {

    private final PermitConfig config;

    @Inject
    public PermitSettingBounds(PermitConfig config) {
        this.config = config;
    }

    @Override
    public SettingChecks check() {
        return new SettingChecks()
                .between("sd.permit.expiry.notice-days", config.expiry().noticeDays(), 0, 3650)
                .atLeast("sd.permit.expiry.batch-size", config.expiry().batchSize(), 1);
    }
}
