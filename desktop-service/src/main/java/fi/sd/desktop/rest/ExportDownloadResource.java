package fi.sd.desktop.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.sd.desktop.service.ExportContent;
import fi.sd.platform.security.Caller;
import io.quarkus.security.Authenticated;

/** An approved export's file, downloaded by its requester through a link of {@code POST /exports/{id}/download-links}. */
@Path("/api/v1/export-downloads")
@Tag(name = "Airlock")
@Authenticated
public class ExportDownloadResource {

    private final ExportContent content;
    private final StoredFileResponses files;
    private final Caller caller;

    @Inject
    public ExportDownloadResource(ExportContent content, StoredFileResponses files, Caller caller) {
        this.content = content;
        this.files = files;
        this.caller = caller;
    }

    @GET
    @Path("/{token}")
    @Produces({ MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON })
    @Operation(summary = "Download a file of an approved export (its requester, with a link they were given)",
            description = "The bytes as an attachment under the file's name, with Content-Length, ETag (the SHA-256) and "
                    + "Repr-Digest; recorded in the audit log (export.downloaded, with the file and its SHA-256). The requester's "
                    + "own sign-in is needed as well as the token: 404 for an unknown token, another user's, or an export no "
                    + "longer approved; 403 once the link expired.")
    public Response download(@PathParam("token") String token) {
        return files.download(content.redeem(token, caller));
    }
}
