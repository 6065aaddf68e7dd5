package org.directbill.shared;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.directbill.DirectbillApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;

/** The production profile refuses the embedded database before opening it, and says why. */
class ProductionDatabaseGuardTest {

    @Test
    void the_prod_profile_refuses_to_start_on_h2_and_names_the_fix() {
        SpringApplication application = new SpringApplication(DirectbillApplication.class);
        assertThatThrownBy(() -> application.run(
                        "--spring.profiles.active=prod",
                        "--spring.datasource.url=jdbc:h2:mem:prodguard",
                        "--server.port=0"))
                .hasMessageContaining("runs only on PostgreSQL")
                .hasMessageContaining("SPRING_DATASOURCE_URL");
    }
}
