package org.directbill.revenue.internal;

import java.math.BigDecimal;
import java.util.Optional;
import org.directbill.revenue.domain.CountingRules;
import org.directbill.revenue.domain.TtmParameters;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Until the {@code policy} module provides {@link CountingRules}, revenue counts by the October 2020
 * policy whatever the date: the four cloud categories over 12 months refreshed on day 8, against
 * 300,000 USD. Any other {@code CountingRules} bean replaces this one.
 */
@Configuration(proxyBeanMethods = false)
class CountingRulesConfiguration {

    static final String DEFAULT_POLICY_ID = "csp-direct-2020";
    static final BigDecimal DEFAULT_THRESHOLD_USD = new BigDecimal("300000");

    @Bean
    @ConditionalOnMissingBean(CountingRules.class)
    CountingRules defaultCountingRules() {
        CountingRules.InForce rules = new CountingRules.InForce(
                DEFAULT_POLICY_ID, TtmParameters.defaults(), Optional.of(DEFAULT_THRESHOLD_USD));
        return asOf -> rules;
    }
}
