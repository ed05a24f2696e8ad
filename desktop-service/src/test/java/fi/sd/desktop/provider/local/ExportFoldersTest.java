package fi.sd.desktop.provider.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fi.sd.desktop.provider.ExportedContent;
import fi.sd.desktop.provider.ExportedFileRefused;

/** The local provider gives an export nothing but regular files inside the workspace's export folder. */
class ExportFoldersTest {

    @TempDir
    Path root;

    @Test
    void aFileInsideTheFolderIsOpenedWithItsSize() throws IOException {
        Path export = Files.createDirectories(root.resolve("export/results"));
        Files.writeString(export.resolve("table.csv"), "a,b\n1,2\n");
        try (ExportedContent content = ExportFolders.open(root.resolve("export"), "results/table.csv")) {
            assertThat(content.sizeBytes()).isEqualTo(8);
            assertThat(new String(content.content().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a,b\n1,2\n");
        }
    }

    @Test
    void linksMissingFilesFoldersAndPathsOutsideAreRefusedNamingThePath() throws IOException {
        Path export = Files.createDirectories(root.resolve("export"));
        Path secret = Files.writeString(root.resolve("secret.csv"), "not for export");
        Files.createSymbolicLink(export.resolve("link.csv"), secret);
        Files.createSymbolicLink(export.resolve("inside-link.csv"), Files.writeString(export.resolve("real.csv"), "x"));
        Files.createSymbolicLink(export.resolve("linked-folder"), root);
        Files.createDirectories(export.resolve("folder"));

        assertRefused(export, "link.csv", "symbolic link");
        assertRefused(export, "inside-link.csv", "symbolic link");
        assertRefused(export, "linked-folder/secret.csv", "symbolic link");
        assertRefused(export, "missing.csv", "does not exist");
        assertRefused(export, "folder", "not a regular file");
        assertRefused(export, "../secret.csv", "not a path inside");
        assertRefused(export, "/etc/passwd", "not a path inside");
    }

    private static void assertRefused(Path export, String path, String why) {
        assertThatThrownBy(() -> ExportFolders.open(export, path)).isInstanceOfSatisfying(ExportedFileRefused.class, e -> {
            assertThat(e.path()).isEqualTo(path);
            assertThat(e.getMessage()).contains("/export/" + path).contains(why);
        });
    }
}
