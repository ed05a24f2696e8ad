package fi.sd.desktop.config;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fi.sd.platform.config.BoundedSettings;
import fi.sd.platform.config.SettingChecks;

/** The bounds of {@link DesktopConfig}'s numbers, checked when the service starts (a setting out of bounds stops it). */
@ApplicationScoped
public class DesktopSettingBounds implements BoundedSettings {

    private final DesktopConfig config;

    @Inject
    public DesktopSettingBounds(DesktopConfig config) {
        this.config = config;
    }

    @Override
    public SettingChecks check() {
        DesktopConfig.Provider provider = config.provider();
        DesktopConfig.Provider.Local local = provider.local();
        SettingChecks checks = new SettingChecks()
                .atLeast("sd.desktop.purge.batch-size", config.purge().batchSize(), 1)
                .atLeast("sd.desktop.desktops.max-per-workspace", config.desktops().maxPerWorkspace(), 1)
                .atLeast("sd.desktop.desktops.max-volume-gb", config.desktops().maxVolumeGb(), 1)
                .atLeast("sd.desktop.provider.poll-batch-size", provider.pollBatchSize(), 1)
                .atLeast("sd.desktop.provider.command-attempts", provider.commandAttempts(), 1)
                .between("sd.desktop.provider.simulated.failure-rate", provider.simulated().failureRate(), 0, 1)
                .atLeast("sd.desktop.provider.simulated.quota-cores", provider.simulated().quotaCores(), 1)
                .atLeast("sd.desktop.provider.local.uid-base", local.uidBase(), 1000)
                .between("sd.desktop.provider.local.max-servers", local.maxServers(), 1, 10000)
                .atLeast("sd.desktop.provider.local.max-processes", local.maxProcesses(), 16)
                .atLeast("sd.desktop.provider.local.max-open-files", local.maxOpenFiles(), 64)
                .atLeast("sd.desktop.sessions.max-per-desktop", config.sessions().maxPerDesktop(), 1)
                .between("sd.desktop.sessions.expiry-batch-size", config.sessions().expiryBatchSize(), 1, 10000);
        for (Map.Entry<String, DesktopConfig.Flavour> flavour : config.flavours().entrySet()) {
            String prefix = "sd.desktop.flavours." + flavour.getKey();
            checks.atLeast(prefix + ".cores", flavour.getValue().cores(), 1)
                    .atLeast(prefix + ".memory-gb", flavour.getValue().memoryGb(), 1);
        }
        return checks;
    }
}
