package fi.sd.desktop.provider;

import java.util.List;

/**
 * What to build: the flavour's size, the image and the boot volume, named after the desktop, in its
 * workspace (whose desktops share the workspace's export and import folders), with the data releases
 * it shows.
 */
public record ServerSpec(String desktopId, String workspaceId, String name, String flavour, int cores, int memoryGb, String image,
        int volumeGb, List<DataAttachment> data) {

    public ServerSpec {
        data = List.copyOf(data);
    }
}
