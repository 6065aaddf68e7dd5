package org.directbill.revenue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The six ledger categories and the four counted by default (domain.md, TTM step 4). */
class ProductCategoryTest {

    @Test
    void the_ledger_knows_six_categories() {
        assertThat(ProductCategory.values())
                .extracting(Enum::name)
                .containsExactly(
                        "AZURE_CONSUMPTION",
                        "AZURE_RESERVATION",
                        "LICENSE_SUBSCRIPTION",
                        "MARKETPLACE_SAAS",
                        "SOFTWARE_SUBSCRIPTION",
                        "PERPETUAL_SOFTWARE");
    }

    @Test
    void cloud_revenue_is_counted_by_default_and_software_is_not() {
        assertThat(ProductCategory.DEFAULT_COUNTED)
                .containsExactly(
                        ProductCategory.AZURE_CONSUMPTION,
                        ProductCategory.AZURE_RESERVATION,
                        ProductCategory.LICENSE_SUBSCRIPTION,
                        ProductCategory.MARKETPLACE_SAAS)
                .doesNotContain(ProductCategory.PERPETUAL_SOFTWARE, ProductCategory.SOFTWARE_SUBSCRIPTION);
    }

    @Test
    void a_category_is_parsed_from_its_exact_code_only() {
        assertThat(ProductCategory.parse("MARKETPLACE_SAAS")).contains(ProductCategory.MARKETPLACE_SAAS);
        assertThat(ProductCategory.parse("marketplace_saas")).isEmpty();
        assertThat(ProductCategory.parse("HARDWARE")).isEmpty();
        assertThat(ProductCategory.parse("")).isEmpty();
    }
}
