package org.directbill.architecture;

import org.directbill.DirectbillApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The modules reach each other only through their public API, with no cycle. */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(DirectbillApplication.class);

    @Test
    void the_modules_respect_their_boundaries() {
        MODULES.verify();
    }
}
