package fi.sd.web.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The web front end's own settings (sd.web.*). */
@ConfigMapping(prefix = "sd.web")
public interface WebConfig {

    /** Cookies only over HTTPS (browsers treat http://localhost as secure too, so this holds in the local run). */
    @WithDefault("true")
    boolean secureCookies();

    /** Rows per page of the long lists. */
    @WithDefault("20")
    int pageSize();
}
