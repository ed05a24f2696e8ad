package fi.sd.desktop.provider.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

import fi.sd.desktop.provider.ExportedContent;
import fi.sd.desktop.provider.ExportedFileRefused;
import fi.sd.storage.FileNames;

/**
 * Reading a workspace's export folder, which the desktops' users write: nothing but a regular file inside it is
 * ever opened. Every segment of the path is looked at without following links (a symbolic link anywhere is
 * refused, wherever it points), the file is opened without following a link, and the opened file must still be
 * the one looked at and lie inside the folder, so that a link swapped in meanwhile is refused too.
 */
final class ExportFolders {

    private ExportFolders() {
    }

    static ExportedContent open(Path folder, String path) {
        if (!FileNames.isValid(path)) {
            throw new ExportedFileRefused(path, "is not a path inside the export folder: " + FileNames.MESSAGE);
        }
        Path file = folder.resolve(path).normalize();
        if (!file.startsWith(folder) || file.equals(folder)) {
            throw new ExportedFileRefused(path, "leads outside the export folder");
        }
        try {
            BasicFileAttributes attributes = null;
            Path current = folder;
            for (Path segment : folder.relativize(file)) {
                current = current.resolve(segment);
                attributes = Files.readAttributes(current, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attributes.isSymbolicLink()) {
                    throw new ExportedFileRefused(path, "is or passes through a symbolic link: only files themselves are exported");
                }
            }
            if (attributes == null || !attributes.isRegularFile()) {
                throw new ExportedFileRefused(path, "is not a regular file");
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            try {
                Object opened = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
                if (!file.toRealPath().startsWith(folder.toRealPath()) || opened == null || !opened.equals(attributes.fileKey())) {
                    throw new ExportedFileRefused(path, "changed while it was opened (a link was put in its place)");
                }
                return new ExportedContent(channel.size(), Channels.newInputStream(channel));
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            throw new ExportedFileRefused(path, "does not exist in the export folder");
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("Too many levels of symbolic links")) {
                throw new ExportedFileRefused(path, "is a symbolic link: only files themselves are exported");
            }
            throw new UncheckedIOException("Cannot read /export/" + path, e);
        }
    }
}
