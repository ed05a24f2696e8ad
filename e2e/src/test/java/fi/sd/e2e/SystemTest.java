package fi.sd.e2e;

import org.junit.jupiter.api.BeforeAll;

import fi.sd.testsupport.KafkaTestBroker;

/** The end-to-end tests share one running system per JVM, and the test helpers use its broker. */
abstract class SystemTest {

    static E2eSystem system;
    static Api api;

    @BeforeAll
    static void startTheSystem() {
        system = E2eSystem.get();
        KafkaTestBroker.useExternal(system.bootstrapServers());
        api = new Api(system);
    }
}
