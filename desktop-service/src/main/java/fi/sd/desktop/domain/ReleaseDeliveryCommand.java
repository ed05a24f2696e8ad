package fi.sd.desktop.domain;

/** What can happen to a release's delivery, each an entry of {@link DatasetMount#DELIVERY}. */
public enum ReleaseDeliveryCommand {
    /** Every file is in place and verified. */
    COMPLETE,
    /** A transient failure (the object store unreachable, a disk error): tried again later. */
    RETRY,
    /** A failure that another attempt cannot mend. */
    FAIL
}
