package org.directbill.partner;

import java.security.SecureRandom;
import java.util.Base64;
import org.directbill.partner.domain.Role;
import org.directbill.partner.domain.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On first start, when no program admin exists, creates the account {@code admin} with the password
 * from {@code DIRECTBILL_ADMIN_PASSWORD}, or a generated one printed once in the log.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final UserAccounts users;
    private final PartnerDirectory directory;
    private final String configuredPassword;

    BootstrapAdmin(
            UserAccounts users,
            PartnerDirectory directory,
            @Value("${directbill.admin.password:}") String configuredPassword) {
        this.users = users;
        this.directory = directory;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.anyWithRole(Role.PROGRAM_ADMIN)) {
            return;
        }
        if (!configuredPassword.isEmpty()) {
            directory.bootstrapAdmin(USERNAME, configuredPassword);
            log.info("Created the program admin '{}' with the password from DIRECTBILL_ADMIN_PASSWORD.", USERNAME);
            return;
        }
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        directory.bootstrapAdmin(USERNAME, password);
        log.warn(
                "\n\n  Created the program admin '{}' with the generated password: {}\n"
                        + "  It is shown this once. Set DIRECTBILL_ADMIN_PASSWORD before the first start to choose it.\n",
                USERNAME,
                password);
    }
}
