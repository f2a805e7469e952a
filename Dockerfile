# The node and gateway images; docker-compose.yml builds each as a target:
#   docker build --target node -t weft-node .      docker build --target gateway -t weft-gateway .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY model model
COPY node node
COPY client client
COPY gateway gateway
COPY bench bench
COPY config config
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre AS runtime
# curl answers the health checks; a user without a shell runs the JVM.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --no-create-home weft
USER weft
WORKDIR /opt/weft
# PROMETHEUS_DISABLE_CREATED_SERIES: no *_created gauge beside every counter and histogram.
# MaxGCPauseMillis=20: G1's default goal (200 ms) let young pauses reach 40-140 ms under load, the tail
# of a task's latency; at 20 ms the same throughput (docs/benchmarks.md).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError" \
    WEFT_METRICS_PORT=9091 \
    PROMETHEUS_DISABLE_CREATED_SERIES=true

FROM runtime AS node
COPY --from=build /src/node/target/weft-node.jar /opt/weft/weft-node.jar
# 5701: members and clients (keep it on the private network); 9091: /metrics and /health.
EXPOSE 5701 9091
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:9091/health/readiness || exit 1
# exec form: the JVM is PID 1 and gets SIGTERM, which drains the node (WEFT_GRACE_PERIOD).
ENTRYPOINT ["java", "-jar", "/opt/weft/weft-node.jar"]

FROM runtime AS gateway
COPY --from=build /src/gateway/target/weft-gateway.jar /opt/weft/weft-gateway.jar
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/opt/weft/weft-gateway.jar"]
