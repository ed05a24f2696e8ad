# The image of every service, from the repository root; MODULE is the Maven module, PORT the port it listens on
# for users, MANAGEMENT_PORT the one for health, metrics and OpenAPI (/q/):
#   docker build --build-arg MODULE=permit-service --build-arg PORT=8081 -t sd/permit-service .
# (permit-service 8081, apply-service 8082, desktop-service 8083, gateway 8080; docker-compose.yml passes them.)
# Java 25 builds (bytecode for Java 17, as every build) and runs the service: Quarkus's AOT packaging (the aot-jar of
# the root pom) makes the JEP 483/514 AOT cache in the build (quarkus.package.jar.aot.enabled: a start of the
# application to the end of its static initialisation, which needs no database or broker), and the JVM starts from it.
FROM eclipse-temurin:25-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN test -n "$MODULE" || { echo "Build with --build-arg MODULE=<module>" >&2; exit 1; }
# The gateway's desktop viewer vendors noVNC from the distribution's novnc package at build time.
RUN if [ "$MODULE" = gateway ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends novnc \
      && rm -rf /var/lib/apt/lists/*; fi
RUN ./mvnw -B -q -DskipTests -pl "$MODULE" -am package -Dquarkus.package.jar.aot.enabled=true
# The module's own JVM options (deploy/MODULE.jvm.options, after the shared ones), an empty file when it has none.
RUN if [ -f "deploy/$MODULE.jvm.options" ]; then cp "deploy/$MODULE.jvm.options" /module.jvm.options; else : > /module.jvm.options; fi

FROM eclipse-temurin:25-jre
# The health check's client.
RUN apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
ARG MODULE
ARG PORT=8080
ARG MANAGEMENT_PORT=9000
ENV LANGUAGE='en_US:en' PORT=${PORT} MANAGEMENT_PORT=${MANAGEMENT_PORT}
# The jars keep their build-time sizes and times (COPY keeps them), which the AOT cache checks.
COPY --from=build --chown=185 /src/${MODULE}/target/quarkus-app/lib/ /deployments/lib/
COPY --from=build --chown=185 /src/${MODULE}/target/quarkus-app/*.jar /src/${MODULE}/target/quarkus-app/app.aot /deployments/
COPY --from=build --chown=185 /src/${MODULE}/target/quarkus-app/app/ /deployments/app/
COPY --from=build --chown=185 /src/${MODULE}/target/quarkus-app/quarkus/ /deployments/quarkus/
COPY --chown=185 deploy/jvm.options /deployments/jvm.options
COPY --from=build --chown=185 /module.jvm.options /deployments/module.jvm.options
EXPOSE ${PORT}
USER 185
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 CMD curl -fsS "http://localhost:${MANAGEMENT_PORT}/q/health/ready" || exit 1
# The JVM options bin/sd and the tests use (deploy/jvm.options), instead of the base image's run-java.sh defaults;
# SD_JAVA_OPTS adds to them, a later option winning, as in bin/sd.
ENTRYPOINT ["/bin/sh", "-c", "exec java @/deployments/jvm.options @/deployments/module.jvm.options -XX:AOTCache=/deployments/app.aot -Djava.util.logging.manager=org.jboss.logmanager.LogManager ${SD_JAVA_OPTS:-} -jar /deployments/quarkus-run.jar"]
