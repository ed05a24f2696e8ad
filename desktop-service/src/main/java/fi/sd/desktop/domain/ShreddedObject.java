package fi.sd.desktop.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An object a purge deleted: its path below the permit and how many bytes it held in the store. */
@Embeddable
public class ShreddedObject {

    @Column(nullable = false, length = 800)
    public String path;

    @Column(name = "stored_bytes", nullable = false)
    public long storedBytes;

    public ShreddedObject() {
    }

    public ShreddedObject(String path, long storedBytes) {
        this.path = path;
        this.storedBytes = storedBytes;
    }
}
