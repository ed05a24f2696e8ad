package fi.sd.storage;

/** A stored object as listed: its path below its permit and its encrypted size. */
public record ObjectEntry(String path, long storedBytes) {
}
