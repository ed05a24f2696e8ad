package fi.sd.gateway.routing;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import fi.sd.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;

/** Forwards each API path to the service that owns it, streaming bodies both ways. */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    private final GatewayConfig config;

    @Inject
    public ProxyRoutes(GatewayConfig config) {
        this.config = config;
    }

    void register(@Observes Router router, Vertx vertx) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(100));
        for (Map.Entry<String, GatewayConfig.Upstream> service : config.services().entrySet()) {
            GatewayConfig.Upstream upstream = service.getValue();
            HttpProxy proxy = HttpProxy.reverseProxy(client).origin(port(upstream), upstream.url().getHost());
            ProxyHandler handler = ProxyHandler.create(proxy);
            for (String prefix : upstream.paths()) {
                router.route(prefix).handler(handler);
                router.route(prefix + "/*").handler(handler);
            }
            LOG.infof("Routing %s to %s (%s)", upstream.paths(), service.getKey(), upstream.url());
        }
    }

    private static int port(GatewayConfig.Upstream upstream) {
        int port = upstream.url().getPort();
        return port > 0 ? port : ("https".equals(upstream.url().getScheme()) ? 443 : 80);
    }
}
