package fi.sd.desktop.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import fi.sd.events.desktop.ImportKind;

/** The body of {@code POST /workspaces/{id}/imports}: what the member needs brought in, and why. */
public record ImportRequest(@NotNull ImportKind kind, @NotBlank @Size(max = 4000) String description) {
}
