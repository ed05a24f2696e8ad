package fi.sd.permit.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import fi.sd.events.PermitRoute;
import fi.sd.platform.rest.Ids;

/**
 * The body of {@code POST /permits}: a permit as the issuer's decision states it. Field shapes are
 * checked here (400); rules across fields, such as the validity period, by the service (422).
 */
public record PermitRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = Texts.JOURNAL_NUMBER, message = Texts.JOURNAL_NUMBER_MESSAGE) String journalNumber,
        @NotNull PermitRoute route,
        @NotNull @Valid Holder holder,
        @NotBlank @Size(max = 100) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String projectId,
        @NotBlank @Size(max = 200) @Pattern(regexp = Texts.SINGLE_LINE, message = Texts.SINGLE_LINE_MESSAGE) String title,
        @NotBlank @Size(max = 4000) String purpose,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid Dataset> datasets,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid Person> persons,
        @NotNull LocalDate validFrom,
        @NotNull LocalDate validUntil,
        @Size(max = 4000) String conditions) {

    /** The permit holder. */
    public record Holder(
            @NotBlank @Size(max = 200) @Pattern(regexp = Texts.SINGLE_LINE, message = Texts.SINGLE_LINE_MESSAGE) String organisation,
            @NotBlank @Size(max = 200) @Pattern(regexp = Texts.SINGLE_LINE, message = Texts.SINGLE_LINE_MESSAGE) String principalInvestigator) {
    }

    /** A dataset and the organisation that controls it (the {@code org} claim of its controllers' tokens). */
    public record Dataset(
            @NotBlank @Size(max = 100) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
            @NotBlank @Size(max = 200) @Pattern(regexp = Texts.SINGLE_LINE, message = Texts.SINGLE_LINE_MESSAGE) String controller,
            @NotBlank @Size(max = 200) @Pattern(regexp = Texts.SINGLE_LINE, message = Texts.SINGLE_LINE_MESSAGE) String title) {
    }

    /** An authorised person; {@code userId} is the subject of their tokens. */
    public record Person(
            @NotBlank @Size(max = 200) @Pattern(regexp = Ids.USER_PATTERN, message = Ids.USER_MESSAGE) String userId,
            @NotBlank @Size(max = 200) @Pattern(regexp = Texts.SINGLE_LINE, message = Texts.SINGLE_LINE_MESSAGE) String name,
            @NotBlank @Email @Size(max = 254) @Pattern(regexp = Texts.EMAIL, message = Texts.EMAIL_MESSAGE) String email) {
    }
}
