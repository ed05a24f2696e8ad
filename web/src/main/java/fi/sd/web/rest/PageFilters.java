package fi.sd.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import fi.sd.web.page.PageContext;

/** What every page's answer says: its language, and that no cache may keep it (pages hold personal data). */
public class PageFilters {

    private final PageContext page;

    @Inject
    public PageFilters(PageContext page) {
        this.page = page;
    }

    @ServerResponseFilter
    public void personalAndInTheReadersLanguage(ContainerResponseContext response) {
        response.getHeaders().putSingle("Cache-Control", "no-store");
        response.getHeaders().putSingle("Content-Language", page.lang());
        response.getHeaders().add("Vary", "Cookie, Accept-Language");
    }
}
