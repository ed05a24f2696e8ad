package fi.sd.web.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The web front end's own settings (sd.web.*). */
@ConfigMapping(prefix = "sd.web")
public interface WebConfig {

    /** Cookies only over HTTPS (browsers treat http://localhost as secure too, so this holds in the local run). */
    @WithDefault("true")
    boolean secureCookies();

    /**
     * The desktop viewer's origin, the gateway as browsers reach it: the only origin the session page may
     * frame ({@code frame-src} of the pages' Content-Security-Policy, which reads this setting).
     */
    String desktopOrigin();

    /** Rows per page of the long lists. */
    @WithDefault("20")
    int pageSize();
}
