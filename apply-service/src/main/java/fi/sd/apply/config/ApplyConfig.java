package fi.sd.apply.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** apply-service's own settings ({@code sd.apply.*}; environment: {@code SD_APPLY_*}). */
@ConfigMapping(prefix = "sd.apply")
public interface ApplyConfig {

    Entitlements entitlements();

    Passport passport();

    /** The scheduler that ends entitlements at their end date. */
    interface Entitlements {

        /** How often each replica looks for entitlements whose end has come. */
        @WithDefault("1m")
        Duration expiryInterval();

        /** Entitlements claimed per transaction. */
        @WithDefault("100")
        int batchSize();
    }

    /** GA4GH Passport visas. */
    interface Passport {

        /** The {@code iss} of every visa: this service's public URL. */
        @WithDefault("https://sd.local/apply")
        String issuer();

        /** The visa's {@code source}: the data access committee's organisation URL. */
        @WithDefault("https://sd.local")
        String source();

        /** Prefixed to a dataset id to make the visa's {@code value}. */
        @WithDefault("urn:sd:dataset:")
        String datasetPrefix();

        /** How long a visa stays valid, at most (never beyond its entitlement's end). */
        @WithDefault("1h")
        Duration visaLifetime();
    }
}
