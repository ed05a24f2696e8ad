package fi.sd.events;

/** The permit holder: the organisation and its principal investigator. */
public record Holder(String organisation, String principalInvestigator) {
}
