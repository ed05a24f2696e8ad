package fi.sd.desktop.provider;

/**
 * A path an export names that the desktop's {@code /export} folder cannot give: no such regular file, a symbolic
 * link, or a path that leads outside the folder. The message names the path.
 */
public class ExportedFileRefused extends ProviderException {

    private final String path;

    public ExportedFileRefused(String path, String why) {
        super("/export/" + path + " " + why);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
