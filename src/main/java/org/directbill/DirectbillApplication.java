package org.directbill;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** The direct-bill partner program service: one deployable, modules by business capability. */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
public class DirectbillApplication {

    public static void main(String[] args) {
        SpringApplication.run(DirectbillApplication.class, args);
    }
}
