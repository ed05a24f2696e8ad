package fi.sd.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fi.sd.storage.config.StorageSettings;
import fi.sd.storage.crypto.MasterKeys;
import fi.sd.storage.crypto.ObjectTamperedException;
import fi.sd.testsupport.S3TestServer;

/** The storage against a real S3 server (S3Proxy, filesystem backend), its stored objects inspected on disk. */
class EncryptedObjectStoreTest {

    private static final String BUCKET = "sd-storage-test";
    private static final String MASTER_KEY = MasterKeys.generate();
    private static S3TestServer server;
    private static final long MIN_PART_BYTES = 5L * 1024 * 1024;
    private static StorageSettings config;
    private static StandaloneStorage storage;
    private static EncryptedObjectStore store;

    @BeforeAll
    static void startTheServer() {
        server = S3TestServer.shared();
        config = StorageSettings.of(server.endpoint(), server.accessKey(), server.secretKey(), BUCKET, MASTER_KEY)
                .withPartSize(MIN_PART_BYTES);
        storage = new StandaloneStorage(config).withBuckets(config);
        store = storage.store();
    }

    @AfterAll
    static void closeTheClient() {
        storage.close();
    }

    @Test
    void aFileLargerThanOnePartComesBackByteForByteWithItsSha256() throws Exception {
        byte[] content = random(12 * 1024 * 1024 + 123);
        ObjectName name = ObjectName.unique(permit(), "releases", "r-1");

        StoredObject stored = store.put(name, new ByteArrayInputStream(content), content.length);

        assertThat(stored.sizeBytes()).isEqualTo(content.length);
        assertThat(stored.sha256()).isEqualTo(sha256(content));
        assertThat(Files.size(objectFile(name))).isEqualTo(stored.storedBytes());
        try (InputStream in = store.open(name)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(store.digest(name)).isEqualTo(new FileDigest(content.length, sha256(content)));
    }

    @Test
    void anEmptyFileIsStoredAndReadToo() throws Exception {
        ObjectName name = ObjectName.unique(permit(), "imports", "i-1");

        StoredObject stored = store.put(name, new ByteArrayInputStream(new byte[0]), 0);

        assertThat(stored.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        try (InputStream in = store.open(name)) {
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void noPlaintextReachesTheDisk() throws Exception {
        String permit = permit();
        String marker = "MARKER-" + UUID.randomUUID();
        byte[] csv = ("id,diagnosis,note\n" + ("1,E11," + marker + "\n").repeat(50_000)).getBytes(StandardCharsets.UTF_8);

        store.put(ObjectName.unique(permit, "releases", "r-1"), new ByteArrayInputStream(csv), csv.length);

        assertThat(filesContaining(server.dataDir(), marker.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aFlippedByteOnDiskMakesTheReadFailWithAClearProblem() throws Exception {
        byte[] content = random(3 * 1024 * 1024);
        ObjectName early = ObjectName.unique(permit(), "releases", "r-1");
        ObjectName late = ObjectName.unique(early.permitId(), "releases", "r-1");
        store.put(early, new ByteArrayInputStream(content), content.length);
        store.put(late, new ByteArrayInputStream(content), content.length);

        flipByte(objectFile(early), 500);
        flipByte(objectFile(late), Files.size(objectFile(late)) - 100);

        assertThatThrownBy(() -> store.open(early)).isInstanceOfSatisfying(ObjectUnreadableException.class, e -> {
            assertThat(e.status()).isEqualTo(502);
            assertThat(e.type().slug()).isEqualTo("integrity-check-failed");
        });
        assertThatThrownBy(() -> {
            try (InputStream in = store.open(late)) {
                in.transferTo(OutputStreamSink.INSTANCE);
            }
        }).isInstanceOf(ObjectTamperedException.class);
        assertThatThrownBy(() -> store.digest(late)).isInstanceOf(ObjectUnreadableException.class).hasMessageContaining("integrity");
    }

    @Test
    void aTruncatedObjectOnDiskMakesTheReadFail() throws Exception {
        byte[] content = random(1024 * 1024);
        ObjectName name = ObjectName.unique(permit(), "exports", "e-1");
        store.put(name, new ByteArrayInputStream(content), content.length);

        try (RandomAccessFile file = new RandomAccessFile(objectFile(name).toFile(), "rw")) {
            file.setLength(file.length() - 1);
        }

        assertThatThrownBy(() -> store.digest(name)).isInstanceOf(ObjectUnreadableException.class);
    }

    @Test
    void contentOfAnotherSizeThanDeclaredLeavesNothingStored() {
        String permit = permit();

        assertThatThrownBy(() -> store.put(ObjectName.unique(permit, "releases", "r-1"), new ByteArrayInputStream(random(100)), 101))
                .isInstanceOf(ContentLengthMismatchException.class);
        assertThatThrownBy(() -> store.put(ObjectName.unique(permit, "releases", "r-1"),
                new ByteArrayInputStream(random(6 * 1024 * 1024)), 6 * 1024 * 1024 - 1))
                .isInstanceOf(ContentLengthMismatchException.class);

        assertThat(store.list(permit)).isEmpty();
    }

    @Test
    void anotherServiceWithTheSameMasterKeyReadsWhatOneStored() throws Exception {
        byte[] content = random(10_000);
        ObjectName name = ObjectName.unique(permit(), "releases", "r-1");
        store.put(name, new ByteArrayInputStream(content), content.length);

        try (StandaloneStorage other = new StandaloneStorage(config)) {
            try (InputStream in = other.store().open(name)) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
        }
    }

    @Test
    void afterAMasterKeyRotationTheEarlierKeysStillOpenTheFilesAndAnUnknownMasterKeyDoesNot() throws Exception {
        byte[] content = random(10_000);
        ObjectName name = ObjectName.unique(permit(), "releases", "r-1");
        store.put(name, new ByteArrayInputStream(content), content.length);

        StorageSettings rotated = config.withMasterKeys(MasterKeys.generate(), List.of(MASTER_KEY));
        StorageSettings stranger = config.withMasterKeys(MasterKeys.generate(), List.of());
        try (StandaloneStorage after = new StandaloneStorage(rotated); StandaloneStorage other = new StandaloneStorage(stranger)) {
            try (InputStream in = after.store().open(name)) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
            assertThatThrownBy(() -> other.store().open(name)).isInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining("master keys");
        }
    }

    @Test
    void shreddingDestroysTheKeysAndDeletesTheObjectsAndSaysSo() throws Exception {
        String permit = permit();
        String neighbour = permit();
        ObjectName first = ObjectName.unique(permit, "releases", "r-1");
        ObjectName second = ObjectName.unique(permit, "exports", "e-1");
        ObjectName kept = ObjectName.unique(neighbour, "releases", "r-1");
        for (ObjectName name : List.of(first, second, kept)) {
            store.put(name, new ByteArrayInputStream(random(2000)), 2000);
        }
        Path keyFile = keyFiles(permit).get(0);

        ShredReport report = store.shred(permit);

        assertThat(report.destroyedKeyIds()).containsExactly(keyFile.getFileName().toString());
        assertThat(report.deletedObjects()).extracting(ObjectEntry::path)
                .containsExactlyInAnyOrder(first.path(), second.path());
        assertThat(report.deletedBytes()).isEqualTo(Files.size(objectFile(kept)) * 2);
        assertThat(keyFile).doesNotExist();
        assertThat(objectFile(first)).doesNotExist();
        assertThat(objectFile(second)).doesNotExist();
        assertThat(store.list(permit)).isEmpty();
        assertThatThrownBy(() -> store.open(first)).isInstanceOfSatisfying(ObjectUnreadableException.class,
                e -> assertThat(e.status()).isEqualTo(410));
        assertThatThrownBy(() -> store.put(ObjectName.unique(permit, "imports", "i-1"), new ByteArrayInputStream(new byte[1]), 1))
                .isInstanceOfSatisfying(ObjectUnreadableException.class, e -> assertThat(e.status()).isEqualTo(410));
        assertThat(store.digest(kept).sizeBytes()).as("another permit's files are untouched").isEqualTo(2000);
        assertThat(store.shred(permit).deletedObjects()).as("shredding again finds nothing more").isEmpty();
    }

    @Test
    void aDestroyedKeyMakesACopyOfTheObjectUnreadable() throws Exception {
        String permit = permit();
        ObjectName name = ObjectName.unique(permit, "releases", "r-1");
        store.put(name, new ByteArrayInputStream(random(5000)), 5000);
        byte[] backup = Files.readAllBytes(objectFile(name));

        store.shred(permit);
        Files.createDirectories(objectFile(name).getParent());
        Files.write(objectFile(name), backup);

        assertThatThrownBy(() -> store.open(name)).isInstanceOfSatisfying(ObjectUnreadableException.class,
                e -> assertThat(e.status()).isEqualTo(410));
    }

    private static String permit() {
        return "permit-" + UUID.randomUUID();
    }

    private static Path objectFile(ObjectName name) {
        return server.dataDir().resolve(BUCKET).resolve(name.key());
    }

    private static List<Path> keyFiles(String permit) throws IOException {
        try (Stream<Path> files = Files.list(server.dataDir().resolve(BUCKET).resolve("keys").resolve(permit))) {
            return files.toList();
        }
    }

    private static void flipByte(Path file, long position) throws IOException {
        try (RandomAccessFile stored = new RandomAccessFile(file.toFile(), "rw")) {
            stored.seek(position);
            int b = stored.read();
            stored.seek(position);
            stored.write(b ^ 0x01);
        }
    }

    private static List<Path> filesContaining(Path dir, byte[] marker) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(file -> contains(file, marker)).toList();
        }
    }

    private static boolean contains(Path file, byte[] marker) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            outer:
            for (int i = 0; i <= bytes.length - marker.length; i++) {
                for (int j = 0; j < marker.length; j++) {
                    if (bytes[i + j] != marker[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random().nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Discards what it is given. */
    private static final class OutputStreamSink extends java.io.OutputStream {

        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
            // discarded
        }

        @Override
        public void write(byte[] b, int off, int len) {
            // discarded
        }
    }
}
