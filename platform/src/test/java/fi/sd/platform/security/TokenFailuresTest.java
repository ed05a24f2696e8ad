package fi.sd.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;

import io.quarkus.security.AuthenticationFailedException;

class TokenFailuresTest {

    @Test
    void anUnreachableIdentityProviderAnywhereInTheCausesIsItsFaultAnythingElseTheTokens() {
        Exception unreachable = new AuthenticationFailedException(new IllegalStateException("Failed to load a key from the location",
                new ConnectException("Connection refused")));
        assertThat(TokenFailures.keysUnreachable(unreachable)).isTrue();
        assertThat(TokenFailures.keysUnreachable(new AuthenticationFailedException(new IllegalStateException("Invalid signature"))))
                .isFalse();
        assertThat(TokenFailures.keysUnreachable(new AuthenticationFailedException())).isFalse();
    }
}
