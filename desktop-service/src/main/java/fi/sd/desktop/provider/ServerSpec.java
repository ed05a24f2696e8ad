package fi.sd.desktop.provider;

/** What to build: the flavour's size, the image and the boot volume, named after the desktop. */
public record ServerSpec(String desktopId, String name, String flavour, int cores, int memoryGb, String image, int volumeGb) {
}
