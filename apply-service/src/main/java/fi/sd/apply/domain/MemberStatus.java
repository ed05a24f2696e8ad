package fi.sd.apply.domain;

/** An invited person becomes a member by accepting the invitation. */
public enum MemberStatus {
    INVITED,
    JOINED
}
