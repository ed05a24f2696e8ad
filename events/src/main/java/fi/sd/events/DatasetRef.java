package fi.sd.events;

/** A dataset named in a permit, with the organisation that controls it. */
public record DatasetRef(String id, String controller, String title) {
}
