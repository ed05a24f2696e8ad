package fi.sd.platform.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import fi.sd.platform.rest.ProblemException;

/**
 * Who is calling: the person (their user id: the token's {@code upn}, else {@code preferred_username},
 * else {@code sub}), their roles ({@code groups}), their organisation ({@code org}, for data
 * controllers), whether they signed in with a second factor ({@code mfa} in {@code amr}) and the
 * sign-in behind the token. Injected per request; service code takes it as a parameter.
 */
public class Caller {

    /** The actor recorded for changes that no person made (schedulers, consumed events). */
    public static final String SYSTEM = "system";

    private final String subject;
    private final Set<Role> roles;
    private final Optional<String> organisation;
    private final boolean mfa;
    private final Optional<SignIn> signIn;

    public Caller(String subject, Set<Role> roles, Optional<String> organisation, boolean mfa) {
        this(subject, roles, organisation, mfa, Optional.empty());
    }

    public Caller(String subject, Set<Role> roles, Optional<String> organisation, boolean mfa, Optional<SignIn> signIn) {
        this.subject = subject;
        this.roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        this.organisation = organisation;
        this.mfa = mfa;
        this.signIn = signIn;
    }

    public String subject() {
        return subject;
    }

    public Set<Role> roles() {
        return roles;
    }

    public Optional<String> organisation() {
        return organisation;
    }

    public boolean mfa() {
        return mfa;
    }

    /** The sign-in behind the token; empty for a caller made without one (the system, a test). */
    public Optional<SignIn> signIn() {
        return signIn;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... candidates) {
        for (Role role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** True for a data controller acting for {@code org}. */
    public boolean controls(String org) {
        return has(Role.DATA_CONTROLLER) && organisation.filter(o -> o.equals(org)).isPresent();
    }

    /** Refuses with 403 unless the caller has one of the roles. */
    public void requireAny(Role... candidates) {
        if (!hasAny(candidates)) {
            StringBuilder names = new StringBuilder();
            for (Role role : candidates) {
                names.append(names.length() == 0 ? "" : ", ").append(role.claimValue());
            }
            throw ProblemException.forbidden("This needs one of the roles " + names);
        }
    }

    /** Auditors and admins read everything; nobody else reads beyond their own projects. */
    public boolean readsEverything() {
        return hasAny(Role.AUDITOR, Role.ADMIN);
    }

    @Override
    public String toString() {
        return "Caller[" + subject + ", " + roles + ", org=" + organisation.orElse("-") + ", mfa=" + mfa + "]";
    }
}
