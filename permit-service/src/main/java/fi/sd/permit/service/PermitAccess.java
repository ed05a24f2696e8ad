package fi.sd.permit.service;

import java.util.List;

import fi.sd.events.PermitRoute;
import fi.sd.permit.api.PermitRequest;
import fi.sd.permit.domain.Permit;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.security.Caller;
import fi.sd.platform.security.Role;

/**
 * Who may do what with a permit. The issuer is Findata (role {@code permit-authority}) for a
 * Findata permit, and the controller organisation (a {@code data-controller} of that {@code org})
 * for a register permit. A permit is visible to its issuer, the persons it names, auditors and
 * admins; to anyone else it does not exist (404).
 */
public final class PermitAccess {

    /** The issuer recorded on Findata-route permits. */
    public static final String FINDATA = "Findata";

    private PermitAccess() {
    }

    public static boolean isIssuer(Permit permit, Caller caller) {
        return permit.route == PermitRoute.FINDATA ? caller.has(Role.PERMIT_AUTHORITY) : caller.controls(permit.issuer);
    }

    public static boolean canSee(Permit permit, Caller caller) {
        return caller.readsEverything() || permit.names(caller.subject()) || isIssuer(permit, caller);
    }

    /** 403 unless the caller is the permit's issuer. */
    public static void requireIssuer(Permit permit, Caller caller, String action) {
        if (!isIssuer(permit, caller)) {
            throw ProblemException.forbidden("Only the permit's issuer (" + permit.issuer + ") may " + action + " it");
        }
    }

    /**
     * The issuer a new permit gets: Findata for a Findata permit, recorded by the permit authority;
     * for a register permit, the controller organisation recording it, which must control every dataset.
     */
    public static String issuerFor(PermitRoute route, List<PermitRequest.Dataset> datasets, Caller caller) {
        if (route == PermitRoute.FINDATA) {
            caller.requireAny(Role.PERMIT_AUTHORITY);
            return FINDATA;
        }
        caller.requireAny(Role.DATA_CONTROLLER);
        String org = caller.organisation().orElseThrow();
        requireControlsAll(datasets, org);
        return org;
    }

    /** 403 unless {@code org} controls every dataset: a register permit covers its controller's own data only. */
    public static void requireControlsAll(List<PermitRequest.Dataset> datasets, String org) {
        for (PermitRequest.Dataset dataset : datasets) {
            if (!dataset.controller().equals(org)) {
                throw ProblemException.forbidden("Dataset " + dataset.id() + " is controlled by " + dataset.controller() + ", not by " + org);
            }
        }
    }
}
