package fi.sd.permit;

import fi.sd.testsupport.ServiceOperationsContract;
import fi.sd.testsupport.ServiceTestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class OperationsTest extends ServiceOperationsContract {
}
