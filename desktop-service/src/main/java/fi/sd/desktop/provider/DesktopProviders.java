package fi.sd.desktop.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The provider chosen by {@code sd.desktop.provider.kind}: each implementation carries
 * {@code @LookupIfProperty(name = "sd.desktop.provider.kind", stringValue = "<its kind>")}.
 */
@ApplicationScoped
public class DesktopProviders {

    private final Instance<DesktopProvider> providers;

    @Inject
    public DesktopProviders(Instance<DesktopProvider> providers) {
        this.providers = providers;
    }

    public DesktopProvider active() {
        return providers.get();
    }
}
