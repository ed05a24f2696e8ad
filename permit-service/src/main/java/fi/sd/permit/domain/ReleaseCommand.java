package fi.sd.permit.domain;

/** What happens to a release: one of its files is stored and verified; the last one completes it. */
public enum ReleaseCommand {
    STORE_FILE,
    COMPLETE
}
