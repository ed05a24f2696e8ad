package fi.sd.web.page;

import java.util.List;

import io.quarkus.qute.TemplateExtension;

import fi.sd.web.client.Desktop;

/** Questions the templates ask of lists (Qute has no lambdas). */
@TemplateExtension
public final class Extensions {

    private Extensions() {
    }

    /** Whether the cloud is still working on one of the desktops: the page then keeps asking for their state. */
    static boolean anyChanging(List<Desktop> desktops) {
        return desktops.stream().anyMatch(Desktop::changing);
    }
}
