package fi.sd.events;

/** The Kafka topics, one per producing service. */
public enum Topic {
    PERMIT("sd.permit.events", "permit-service"),
    APPLY("sd.apply.events", "apply-service"),
    DESKTOP("sd.desktop.events", "desktop-service");

    private final String topicName;
    private final String producer;

    Topic(String topicName, String producer) {
        this.topicName = topicName;
        this.producer = producer;
    }

    public String topicName() {
        return topicName;
    }

    /** The service that owns and writes the topic. */
    public String producer() {
        return producer;
    }

    /** The CloudEvents {@code source} attribute of every event on this topic. */
    public String ceSource() {
        return "urn:sd:" + producer;
    }
}
