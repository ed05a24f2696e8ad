package fi.sd.web.security;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** Reads a {@link Viewer} from the signed-in identity, whose principal is the sign-in's ID token. */
public final class Viewers {

    private Viewers() {
    }

    public static Optional<Viewer> of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        String userId = identity.getPrincipal().getName();
        String name = userId;
        String org = null;
        boolean mfa = false;
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            name = Optional.ofNullable(token.<String>getClaim("name")).filter(n -> !n.isBlank()).orElse(userId);
            org = token.getClaim("org");
            mfa = containsMfa(token.getClaim("amr"));
        }
        Set<String> roles = new TreeSet<>(identity.getRoles());
        return Optional.of(new Viewer(userId, name, Set.copyOf(roles), org, mfa));
    }

    private static boolean containsMfa(Object amr) {
        if (amr instanceof Collection<?> values) {
            return values.stream().anyMatch(v -> StepUpRedirectFilter.LEVEL.equals(unquoted(v)));
        }
        return false;
    }

    /** JSON array elements come as JSON strings from the token's claims. */
    private static String unquoted(Object value) {
        String text = String.valueOf(value);
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }
}
