package fi.sd.events.desktop;

/** What an import brings into a workspace. */
public enum ImportKind {
    SOFTWARE,
    DATA
}
