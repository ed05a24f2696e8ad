package fi.sd.web.security;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;

/**
 * Asks the identity provider for the second factor ({@code acr_values=mfa}) when the sign-in starts
 * from a page that opens a desktop: the realm then asks for the TOTP code on the existing sign-in
 * (step-up), and the new tokens carry {@code mfa} in {@code amr}, as a desktop session needs. quarkus-oidc
 * looks its filters up itself: nothing injects this bean, which the build would otherwise remove as unused.
 */
@ApplicationScoped
@Unremovable
@Redirect(Redirect.Location.OIDC_AUTHORIZATION)
public class StepUpRedirectFilter implements OidcRedirectFilter {

    /** The pages that need the second factor: opening a desktop session. */
    public static final Pattern NEEDS_SECOND_FACTOR = Pattern.compile("/desktops/[^/]+/open");
    public static final String LEVEL = "mfa";

    @Override
    public void filter(OidcRedirectContext context) {
        if (NEEDS_SECOND_FACTOR.matcher(context.routingContext().request().path()).matches()) {
            context.additionalQueryParams().add("acr_values", LEVEL);
        }
    }
}
