package fi.sd.web.client;

import java.util.List;

/** The gateway's {@code /me}: who the API takes the caller to be. */
public record Me(String userId, List<String> roles, String org, boolean mfa) {
}
