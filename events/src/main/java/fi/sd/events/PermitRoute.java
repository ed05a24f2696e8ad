package fi.sd.events;

/** How a permit was granted: by Findata, or by a single register controller for its own data. */
public enum PermitRoute {
    FINDATA,
    REGISTER
}
