package org.directbill.revenue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.directbill.revenue.domain.CountingRules;
import org.directbill.revenue.domain.TtmParameters;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The default counting rules stand in only while no other module provides them. */
class CountingRulesConfigurationTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(CountingRulesConfiguration.class);

    @Test
    void alone_revenue_counts_by_the_2020_policy_whatever_the_date() {
        context.run(beans -> {
            CountingRules rules = beans.getBean(CountingRules.class);
            for (String date : new String[] {"2018-09-01", "2020-10-27", "2026-01-01"}) {
                CountingRules.InForce inForce = rules.on(LocalDate.parse(date));
                assertThat(inForce.policyId()).isEqualTo("csp-direct-2020");
                assertThat(inForce.parameters()).isEqualTo(TtmParameters.defaults());
                assertThat(inForce.thresholdUsd()).contains(new BigDecimal("300000"));
            }
        });
    }

    @Test
    void another_implementation_replaces_the_default() {
        CountingRules policy =
                asOf -> new CountingRules.InForce("csp-direct-2018", TtmParameters.defaults(), Optional.empty());

        context.withBean("policyCountingRules", CountingRules.class, () -> policy)
                .run(beans -> {
                    assertThat(beans).hasSingleBean(CountingRules.class);
                    assertThat(beans.getBean(CountingRules.class)).isSameAs(policy);
                    assertThat(beans.getBean(CountingRules.class)
                                    .on(LocalDate.parse("2019-01-01"))
                                    .requirement())
                            .isEmpty();
                });
    }
}
