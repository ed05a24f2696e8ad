package fi.sd.platform.security;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import fi.sd.platform.rest.ProblemException;
import io.quarkus.security.UnauthorizedException;

/**
 * Builds the {@link Caller} of the current request from its verified JWT. The user id is MP-JWT's
 * name: {@code upn}, else {@code preferred_username}, else {@code sub} (Keycloak's {@code sub} is an
 * opaque id; the realm puts the user name in {@code upn}, so that permits can name people).
 */
public class CallerProducer {

    private final JsonWebToken jwt;

    @Inject
    public CallerProducer(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    @Produces
    @RequestScoped
    public Caller caller() {
        if (jwt == null || jwt.getName() == null) {
            throw new UnauthorizedException();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : jwt.getGroups()) {
            Role.fromClaim(group).ifPresent(roles::add);
        }
        if (roles.contains(Role.DATA_CONTROLLER) && claim("org").isEmpty()) {
            throw ProblemException.forbidden("A data-controller token must carry an org claim");
        }
        SignIn signIn = new SignIn(claim("sid"), Instant.ofEpochSecond(jwt.getExpirationTime()));
        return new Caller(jwt.getName(), roles, claim("org"), amrContainsMfa(), Optional.of(signIn));
    }

    private Optional<String> claim(String name) {
        Object value = jwt.getClaim(name);
        return value == null ? Optional.empty() : Optional.of(unquote(value.toString())).filter(s -> !s.isBlank());
    }

    private boolean amrContainsMfa() {
        Object amr = jwt.getClaim("amr");
        if (amr instanceof Iterable<?> values) {
            for (Object value : values) {
                if ("mfa".equals(unquote(String.valueOf(value)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** JSON string claims may come back as JSON values with their quotes. */
    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
