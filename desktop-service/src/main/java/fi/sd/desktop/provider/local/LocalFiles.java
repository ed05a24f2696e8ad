package fi.sd.desktop.provider.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import fi.sd.storage.FileDigest;

/** The few file operations the local provider needs, with owners and modes. */
final class LocalFiles {

    private static final Logger LOG = Logger.getLogger(LocalFiles.class);

    private LocalFiles() {
    }

    /** Creates the folder if missing and sets its mode (octal, sticky bit included) and owner, when given (uid and gid alike). */
    static void directory(Path dir, int mode, Integer owner) {
        try {
            Files.createDirectories(dir);
            Files.setAttribute(dir, "unix:mode", mode);
            if (owner != null) {
                Files.setAttribute(dir, "unix:uid", owner);
                Files.setAttribute(dir, "unix:gid", owner);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + dir, e);
        }
    }

    /** The state directory: only its owner lists it; the desktops' uids may pass through to what is bound into them. */
    static void restrictToOwnerAndTraverse(Path dir) {
        directory(dir, 0711, null);
    }

    static void writeAtomically(Path file, byte[] content, int mode) {
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.write(next, content);
            Files.setAttribute(next, "unix:mode", mode);
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /**
     * Copies {@code content} to {@code target} (mode 0644, its missing folders 0755 up from {@code base}): written
     * in {@code staging} first and renamed into place only when {@code check} accepts its size and SHA-256, so
     * that the target appears whole and checked or not at all. Returns what was copied.
     */
    static FileDigest copyAtomically(InputStream content, Path base, Path target, Path staging, Consumer<FileDigest> check) {
        Path partial = staging.resolve(UUID.randomUUID() + ".partial");
        try {
            directory(staging, 0700, null);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                size = new DigestInputStream(content, sha256).transferTo(out);
            }
            FileDigest copied = new FileDigest(size, HexFormat.of().formatHex(sha256.digest()));
            check.accept(copied);
            Files.createDirectories(target.getParent());
            makeReadable(base, target.getParent());
            Files.setAttribute(partial, "unix:mode", 0644);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return copied;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                LOG.warnf(e, "Cannot remove %s", partial);
            }
        }
    }

    /** The folders from {@code base} down to {@code folder}: listable and passable by every desktop's uid (0755). */
    private static void makeReadable(Path base, Path folder) throws IOException {
        for (Path f = folder; f.startsWith(base) && !f.equals(base); f = f.getParent()) {
            Files.setAttribute(f, "unix:mode", 0755);
        }
    }

    static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** The last lines of a log, one line, for a fault message. */
    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join(" | ", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            return "(its log cannot be read: " + e.getMessage() + ")";
        }
    }

    static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + file, e);
        }
    }

    /** Removes a folder and everything in it, without following links out of it. */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + dir, e);
        }
    }
}
