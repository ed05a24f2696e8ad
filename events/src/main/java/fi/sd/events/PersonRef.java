package fi.sd.events;

/** A person authorised by a permit to process its data. */
public record PersonRef(String userId, String name, String email) {
}
