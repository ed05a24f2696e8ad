package fi.sd.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.util.List;

import org.junit.jupiter.api.Test;

class MasterKeysTest {

    private static final byte[] CONTEXT = "permit-1:key-1".getBytes();

    @Test
    void aKeyWrappedByAnEarlierMasterKeyStillUnwrapsAfterARotation() throws Exception {
        String old = MasterKeys.generate();
        MasterKeys before = MasterKeys.of(old, List.of());
        byte[] wrapped = before.wrap(new byte[] { 1, 2, 3 }, CONTEXT);

        MasterKeys after = MasterKeys.of(MasterKeys.generate(), List.of(old));

        assertThat(after.currentId()).isNotEqualTo(before.currentId());
        assertThat(after.unwrap(before.currentId(), wrapped, CONTEXT)).containsExactly(1, 2, 3);
    }

    @Test
    void anUnknownMasterKeyOrAnotherContextDoesNotUnwrap() throws Exception {
        MasterKeys keys = MasterKeys.of(MasterKeys.generate(), List.of());
        byte[] wrapped = keys.wrap(new byte[] { 1 }, CONTEXT);

        assertThatThrownBy(() -> keys.unwrap("0000000000000000", wrapped, CONTEXT)).isInstanceOf(GeneralSecurityException.class)
                .hasMessageContaining("not configured");
        assertThatThrownBy(() -> keys.unwrap(keys.currentId(), wrapped, "permit-2:key-1".getBytes()))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void aMasterKeyMustBe32BytesOfBase64() {
        assertThatThrownBy(() -> MasterKeys.of("c2hvcnQ=", List.of())).hasMessageContaining("32 random bytes");
        assertThatThrownBy(() -> MasterKeys.of("not base64!", List.of())).hasMessageContaining("base64");
    }
}
