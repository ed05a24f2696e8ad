package fi.sd.desktop.provider.local;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import fi.sd.desktop.provider.DataAttachment;

/**
 * A release's folder on this host, shown read-only in the desktops at {@code /data/{datasetId}/{releaseId}}.
 * Until the data plane delivers the release's bytes, it holds {@code MANIFEST.txt}: the files the release
 * declares, with their sizes and SHA-256. The data plane puts the decrypted files into this same folder
 * (readable by all, e.g. mode 0644); the desktops see them at once, as the folder itself is bound.
 */
final class ReleaseFolders {

    static final String MANIFEST = "MANIFEST.txt";

    private ReleaseFolders() {
    }

    static void prepare(Path folder, DataAttachment release) {
        LocalFiles.directory(folder, 0755, null);
        Path manifest = folder.resolve(MANIFEST);
        if (Files.exists(manifest)) {
            return;
        }
        StringBuilder text = new StringBuilder("Release ").append(release.releaseId()).append(" of dataset ").append(release.datasetId())
                .append(": the files it declares (name, bytes, SHA-256).\n");
        for (DataAttachment.File file : release.files()) {
            text.append(file.name()).append('\t').append(file.sizeBytes()).append('\t').append(file.sha256()).append('\n');
        }
        LocalFiles.writeAtomically(manifest, text.toString().getBytes(StandardCharsets.UTF_8), 0644);
    }
}
