package fi.sd.permit.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** permit-service's own settings ({@code sd.permit.*}; environment: {@code SD_PERMIT_*}). */
@ConfigMapping(prefix = "sd.permit")
public interface PermitConfig {

    Expiry expiry();

    Releases releases();

    /** What a permit's releases may hold. The largest single file is the storage's ({@code SD_STORAGE_MAX_FILE_SIZE}). */
    interface Releases {

        /** The bytes all of a permit's releases may declare together; 413 beyond. */
        @WithDefault("1T")
        MemorySize quota();
    }

    /** The scheduler that warns of and carries out expiry. */
    interface Expiry {

        /** {@code PermitExpiringSoon} is sent once this many days (or fewer) before validUntil. */
        @WithDefault("30")
        int noticeDays();

        /** How often each replica looks for permits to warn about or expire. */
        @WithDefault("1m")
        Duration interval();

        /** Permits claimed per transaction. */
        @WithDefault("100")
        int batchSize();
    }
}
