package org.directbill.partner.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.directbill.partner.domain.FactStatus;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.PartnerProfile;
import org.directbill.partner.domain.PartnerProfile.BillingInfrastructure;
import org.directbill.partner.domain.PartnerProfile.ManagedService;
import org.directbill.partner.domain.PartnerProfile.ServiceKind;
import org.directbill.partner.domain.PartnerProfile.Signatory;
import org.directbill.partner.domain.PartnerProfile.SupportCapability;
import org.directbill.partner.domain.PartnerProfiles;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One row per partner (created with the partner), plus its managed services and designations. */
@Repository
class JdbcPartnerProfiles implements PartnerProfiles {

    private final JdbcClient jdbc;

    JdbcPartnerProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void createEmpty(PartnerId partnerId) {
        jdbc.sql("INSERT INTO partner_profile (partner_id) VALUES (?)")
                .param(partnerId.value())
                .update();
    }

    @Override
    public PartnerProfile find(PartnerId partnerId) {
        return read(partnerId, "");
    }

    @Override
    public PartnerProfile findForUpdate(PartnerId partnerId) {
        return read(partnerId, " FOR UPDATE");
    }

    private PartnerProfile read(PartnerId partnerId, String lock) {
        List<ManagedService> services = jdbc.sql(
                        "SELECT name, kind FROM partner_managed_service WHERE partner_id = ? ORDER BY position")
                .param(partnerId.value())
                .query((rs, row) -> new ManagedService(rs.getString("name"), ServiceKind.valueOf(rs.getString("kind"))))
                .list();
        List<String> designations = jdbc.sql(
                        "SELECT designation FROM partner_designation WHERE partner_id = ? ORDER BY position")
                .param(partnerId.value())
                .query(String.class)
                .list();
        return jdbc.sql("SELECT * FROM partner_profile WHERE partner_id = ?" + lock)
                .param(partnerId.value())
                .query((rs, row) -> map(rs, partnerId, services, designations))
                .optional()
                .orElseGet(() -> PartnerProfile.empty(partnerId));
    }

    @Override
    public void save(PartnerProfile p) {
        Signatory s = p.signatory();
        SupportCapability support = p.supportCapability();
        BillingInfrastructure billing = p.billingInfrastructure();
        jdbc.sql("UPDATE partner_profile SET signatory_name = ?, signatory_email = ?, signatory_title = ?,"
                        + " signatory_authority = ?, support_first_level = ?, support_contact_email = ?,"
                        + " billing_in_place = ?, billing_description = ?, indirect_reseller_since = ?,"
                        + " business_vetting = ?, operational_assessment = ?, security_score_complete = ?,"
                        + " updated_at = ? WHERE partner_id = ?")
                .params(
                        s == null ? null : s.name(),
                        s == null ? null : s.email(),
                        s == null ? null : s.title(),
                        s == null ? null : s.authorityToSign(),
                        support == null ? null : support.firstLevelSupport(),
                        support == null ? null : support.contactEmail(),
                        billing == null ? null : billing.inPlace(),
                        billing == null ? null : billing.description(),
                        p.indirectResellerSince() == null ? null : Date.valueOf(p.indirectResellerSince()),
                        name(p.businessVetting()),
                        name(p.operationalAssessment()),
                        p.securityScoreMandatoryComplete(),
                        p.updatedAt() == null ? null : OffsetDateTime.ofInstant(p.updatedAt(), ZoneOffset.UTC),
                        p.partnerId().value())
                .update();
        jdbc.sql("DELETE FROM partner_managed_service WHERE partner_id = ?")
                .param(p.partnerId().value())
                .update();
        for (int i = 0; i < p.managedServices().size(); i++) {
            ManagedService service = p.managedServices().get(i);
            jdbc.sql("INSERT INTO partner_managed_service (partner_id, position, name, kind) VALUES (?, ?, ?, ?)")
                    .params(p.partnerId().value(), i, service.name(), name(service.kind()))
                    .update();
        }
        jdbc.sql("DELETE FROM partner_designation WHERE partner_id = ?")
                .param(p.partnerId().value())
                .update();
        for (int i = 0; i < p.designations().size(); i++) {
            jdbc.sql("INSERT INTO partner_designation (partner_id, position, designation) VALUES (?, ?, ?)")
                    .params(p.partnerId().value(), i, p.designations().get(i))
                    .update();
        }
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static PartnerProfile map(
            ResultSet rs, PartnerId partnerId, List<ManagedService> services, List<String> designations)
            throws SQLException {
        Signatory signatory = rs.getString("signatory_name") == null
                ? null
                : new Signatory(
                        rs.getString("signatory_name"),
                        rs.getString("signatory_email"),
                        rs.getString("signatory_title"),
                        bool(rs, "signatory_authority"));
        Boolean firstLevel = bool(rs, "support_first_level");
        SupportCapability support =
                firstLevel == null ? null : new SupportCapability(firstLevel, rs.getString("support_contact_email"));
        Boolean inPlace = bool(rs, "billing_in_place");
        BillingInfrastructure billing =
                inPlace == null ? null : new BillingInfrastructure(inPlace, rs.getString("billing_description"));
        Date since = rs.getDate("indirect_reseller_since");
        OffsetDateTime updated = rs.getObject("updated_at", OffsetDateTime.class);
        return new PartnerProfile(
                partnerId,
                signatory,
                support,
                billing,
                services,
                since == null ? null : LocalDate.parse(since.toString()),
                status(rs.getString("business_vetting")),
                status(rs.getString("operational_assessment")),
                bool(rs, "security_score_complete"),
                designations,
                updated == null ? null : updated.toInstant());
    }

    private static @Nullable Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    private static @Nullable FactStatus status(@Nullable String value) {
        return value == null ? null : FactStatus.valueOf(value);
    }
}
