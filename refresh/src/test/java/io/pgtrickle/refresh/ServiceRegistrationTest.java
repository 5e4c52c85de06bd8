package io.pgtrickle.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pgtrickle.refresh.api.StreamTableEngine;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ServiceRegistrationTest {

  @Test
  void theEngineIsFoundByServiceLoader() {
    List<StreamTableEngine> engines =
        ServiceLoader.load(StreamTableEngine.class).stream().map(ServiceLoader.Provider::get).toList();
    assertEquals(1, engines.size());
    assertEquals(PgTrickleEngine.class, engines.get(0).getClass());
  }
}
