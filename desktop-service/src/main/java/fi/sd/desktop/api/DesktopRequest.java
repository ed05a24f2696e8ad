package fi.sd.desktop.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /workspaces/{id}/desktops}. Flavour, image and the volume's upper limit
 * come from configuration, so the service checks them (400 with field errors).
 */
public record DesktopRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._\\-]*", message = "must contain only letters, digits and . _ -")
        String name,
        @NotBlank @Size(max = 50) String flavour,
        @NotBlank @Size(max = 100) String image,
        @NotNull @Min(1) Integer volumeGb) {
}
