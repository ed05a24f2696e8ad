package fi.sd.desktop.provider.local;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import fi.sd.desktop.provider.DataAttachment;
import fi.sd.desktop.provider.ProviderException;
import fi.sd.storage.FileNames;

/**
 * A release's folder on this host, shown read-only in the desktops at {@code /data/{datasetId}/{releaseId}}.
 * It holds {@code MANIFEST.txt}: the files the release declares, with their sizes and SHA-256, and the
 * decrypted files as they are delivered (mode 0644, each renamed into place once whole and checked); the
 * desktops see them at once, as the folder itself is bound.
 */
final class ReleaseFolders {

    static final String MANIFEST = "MANIFEST.txt";

    private ReleaseFolders() {
    }

    /** Where a file of the release goes in its folder; refused when its name could lead out of it. */
    static Path fileIn(Path folder, DataAttachment.File file) {
        Path target = folder.resolve(file.name()).normalize();
        if (!FileNames.isValid(file.name()) || !target.startsWith(folder) || target.equals(folder)) {
            throw new ProviderException("Release file " + file.name() + " cannot be shown: " + FileNames.MESSAGE);
        }
        return target;
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
