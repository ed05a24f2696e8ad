package fi.sd.platform.config;

/** A service's settings with numeric bounds: a bean; every one is checked when the service starts ({@link BoundedSettingsCheck}). */
public interface BoundedSettings {

    SettingChecks check();
}
