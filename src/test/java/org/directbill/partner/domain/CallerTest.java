package org.directbill.partner.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who is asking: a partner user, program staff or a machine. */
class CallerTest {

    static final PartnerId PARTNER = PartnerId.random();

    static Caller caller(PartnerId partner, Role... roles) {
        return new Caller(UserId.random(), "someone", Set.of(roles), partner);
    }

    @Test
    void a_caller_with_a_partner_is_a_partner_user_and_not_staff() {
        Caller user = caller(PARTNER, Role.GLOBAL_ADMIN);

        assertThat(user.isPartnerUser()).isTrue();
        assertThat(user.isProgramStaff()).isFalse();
    }

    @Test
    void a_partner_user_is_never_staff_even_with_a_program_role() {
        assertThat(caller(PARTNER, Role.PROGRAM_ADMIN).isProgramStaff()).isFalse();
    }

    @Test
    void a_caller_without_a_partner_holding_a_program_role_is_staff() {
        for (Role role : EnumSet.of(Role.PROGRAM_ADMIN, Role.REVIEWER, Role.CREDIT_ANALYST)) {
            Caller staff = caller(null, role);
            assertThat(staff.isProgramStaff()).as(role.name()).isTrue();
            assertThat(staff.isPartnerUser()).as(role.name()).isFalse();
        }
    }

    @Test
    void an_integration_client_is_neither_staff_nor_a_partner_user() {
        Caller machine = caller(null, Role.INTEGRATION);

        assertThat(machine.isProgramStaff()).isFalse();
        assertThat(machine.isPartnerUser()).isFalse();
    }

    @Test
    void a_caller_belongs_only_to_its_own_partner() {
        Caller user = caller(PARTNER, Role.GLOBAL_ADMIN);

        assertThat(user.belongsTo(PARTNER)).isTrue();
        assertThat(user.belongsTo(new PartnerId(PARTNER.value()))).isTrue();
        assertThat(user.belongsTo(PartnerId.random())).isFalse();
        assertThat(caller(null, Role.PROGRAM_ADMIN).belongsTo(PARTNER)).isFalse();
    }

    @Test
    void has_tells_the_roles_held() {
        Caller user = caller(PARTNER, Role.GLOBAL_ADMIN, Role.BILLING_ADMIN);

        assertThat(user.has(Role.BILLING_ADMIN)).isTrue();
        assertThat(user.has(Role.REPORT_VIEWER)).isFalse();
    }

    @Test
    void a_caller_keeps_its_own_unmodifiable_copy_of_the_roles() {
        Set<Role> roles = EnumSet.of(Role.REVIEWER);
        Caller staff = new Caller(UserId.random(), "reviewer", roles, null);

        roles.add(Role.PROGRAM_ADMIN);

        assertThat(staff.roles()).containsExactly(Role.REVIEWER);
        assertThat(staff.has(Role.PROGRAM_ADMIN)).isFalse();
        assertThatThrownBy(() -> staff.roles().add(Role.PROGRAM_ADMIN))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
