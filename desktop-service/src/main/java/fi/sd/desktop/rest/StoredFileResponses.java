package fi.sd.desktop.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.logging.Logger;

import fi.sd.desktop.config.DesktopConfig;
import fi.sd.desktop.service.ExportContent.StoredExportFile;
import fi.sd.platform.problem.ProblemType;
import fi.sd.platform.rest.ProblemException;
import fi.sd.storage.EncryptedObjectStore;
import fi.sd.storage.StorageUnavailableException;

/**
 * An export's stored file as an HTTP answer: streamed from the object store as it is decrypted (a tamper found
 * before the first byte is a 502 problem; one found later cuts the connection, never serving a changed byte),
 * saved as an attachment under its name, with its length and SHA-256 ({@code ETag}, {@code Repr-Digest}); or a
 * reviewer's preview of a text or CSV file: its beginning as UTF-8 text, at most {@code sd.desktop.exports.preview-size}.
 */
@ApplicationScoped
public class StoredFileResponses {

    private static final Logger LOG = Logger.getLogger(StoredFileResponses.class);
    /** What a preview shows: text and tables, never anything a browser might run. */
    private static final Set<String> TEXT_EXTENSIONS = Set.of("csv", "tsv", "txt", "text", "md", "log", "json");
    public static final String TRUNCATED_HEADER = "X-Preview-Truncated";

    private final EncryptedObjectStore store;
    private final int previewBytes;

    @Inject
    public StoredFileResponses(EncryptedObjectStore store, DesktopConfig config) {
        this.store = store;
        this.previewBytes = (int) Math.min(Integer.MAX_VALUE - 8, config.exports().previewSize().asLongValue());
    }

    /** The whole file, as an attachment. */
    public Response download(StoredExportFile file) {
        InputStream plaintext = store.open(file.object());
        StreamingOutput body = out -> {
            try (InputStream in = plaintext) {
                in.transferTo(out);
            } catch (IOException e) {
                LOG.errorf("Export %s: streaming %s stopped: %s", file.exportId(), file.path(), e.getMessage());
                throw e;
            }
        };
        byte[] sha256 = HexFormat.of().parseHex(file.sha256());
        return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header(HttpHeaders.CONTENT_LENGTH, file.sizeBytes())
                .header("Content-Disposition", "attachment; filename=\"" + asciiName(file.fileName()) + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header(HttpHeaders.ETAG, "\"" + file.sha256() + "\"")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(sha256) + ":")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /** The beginning of a text or CSV file as {@code text/plain; charset=UTF-8}; 415 for any other type. */
    public Response preview(StoredExportFile file) {
        String extension = file.fileName().contains(".")
                ? file.fileName().substring(file.fileName().lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!TEXT_EXTENSIONS.contains(extension)) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, file.path() + " is not a text or CSV file: only those are "
                    + "previewed (" + TEXT_EXTENSIONS.stream().sorted().toList() + "); download it to look at it", null);
        }
        byte[] head;
        try (InputStream in = store.open(file.object())) {
            head = in.readNBytes((int) Math.min(previewBytes, file.sizeBytes()));
        } catch (IOException e) {
            throw new StorageUnavailableException("The stored file could not be read to its preview's end; try again later", e);
        }
        boolean truncated = head.length < file.sizeBytes();
        return Response.ok(text(head, truncated), "text/plain; charset=UTF-8")
                .header(TRUNCATED_HEADER, truncated)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /** The bytes as UTF-8; a character cut by the preview's end is left out, anything not UTF-8 shown as U+FFFD. */
    static String text(byte[] head, boolean truncated) {
        int end = head.length;
        if (truncated) {
            int start = end;
            while (start > 0 && start > end - 4 && (head[start - 1] & 0xC0) == 0x80) {
                start--;
            }
            if (start > 0 && (head[start - 1] & 0x80) != 0 && expectedLength(head[start - 1]) > end - start + 1) {
                end = start - 1;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(head, 0, end));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int expectedLength(byte lead) {
        if ((lead & 0xE0) == 0xC0) {
            return 2;
        }
        if ((lead & 0xF0) == 0xE0) {
            return 3;
        }
        return (lead & 0xF8) == 0xF0 ? 4 : 1;
    }

    private static String asciiName(String name) {
        return name.replaceAll("[^A-Za-z0-9._ -]", "_");
    }
}
