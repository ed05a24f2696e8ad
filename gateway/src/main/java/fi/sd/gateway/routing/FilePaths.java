package fi.sd.gateway.routing;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fi.sd.gateway.config.GatewayConfig;

/** The paths whose request bodies are files: streamed to the service, with the file size limit instead of the JSON one. */
@ApplicationScoped
public class FilePaths {

    private final List<Pattern> patterns;
    private final long maxFileBytes;
    private final long maxBodyBytes;

    @Inject
    public FilePaths(GatewayConfig config) {
        this.patterns = config.filePaths().stream().map(Pattern::compile).toList();
        this.maxFileBytes = config.maxFileSize().asLongValue();
        this.maxBodyBytes = config.maxBodySize().asLongValue();
    }

    public boolean isFile(String path) {
        return patterns.stream().anyMatch(p -> p.matcher(path).matches());
    }

    /** The largest body a request to {@code path} may have. */
    public long maxBodyBytes(String path) {
        return isFile(path) ? maxFileBytes : maxBodyBytes;
    }
}
