package fi.sd.gateway.edge;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Checks a bearer token's signature, issuer, audience and expiry (the {@code mp.jwt.verify.*}
 * settings). A front end sends the same token many times, so a verified token is remembered
 * until it expires: the signature is checked once, not on every request.
 */
@ApplicationScoped
public class TokenVerifier {

    private static final int MAX_REMEMBERED = 10_000;

    private final JWTParser parser;
    private final Vertx vertx;
    private final Map<String, Caller> verified = new ConcurrentHashMap<>();

    @Inject
    public TokenVerifier(JWTParser parser, Vertx vertx) {
        this.parser = parser;
        this.vertx = vertx;
    }

    /** The caller the token names; fails with {@link ParseException} for a token the gateway does not trust. */
    public Future<Caller> verify(String token) {
        Caller known = verified.get(token);
        if (known != null && !known.expired()) {
            return Future.succeededFuture(known);
        }
        // Off the event loop: the first verification may fetch the identity provider's keys.
        return vertx.executeBlocking(() -> {
            JsonWebToken jwt = parser.parse(token);
            Caller caller = Caller.of(jwt);
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
            verified.put(token, caller);
            return caller;
        }, false);
    }

    /** True when the identity provider's keys could not be read at all (unreachable when first needed): 503, not 401. */
    static boolean keysUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The person (or system) behind a verified token, as the gateway's own endpoints show it. The user
     * id is MP-JWT's name ({@code upn}, else {@code preferred_username}, else {@code sub}), as the services read it.
     */
    public record Caller(String userId, Set<String> roles, String org, boolean mfa, long expiresAtEpochSecond) {

        static Caller of(JsonWebToken jwt) {
            Object amr = jwt.getClaim("amr");
            boolean mfa = amr instanceof Collection<?> methods && methods.stream().anyMatch(m -> "mfa".equals(text(m)));
            Object org = jwt.getClaim("org");
            return new Caller(jwt.getName(), jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups()),
                    org == null ? null : text(org), mfa, jwt.getExpirationTime());
        }

        private static String text(Object claimValue) {
            return claimValue instanceof JsonString s ? s.getString() : String.valueOf(claimValue);
        }

        boolean expired() {
            return System.currentTimeMillis() / 1000 >= expiresAtEpochSecond;
        }
    }
}
