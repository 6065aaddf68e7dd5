package org.directbill.partner.internal;

import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.UserId;
import org.springframework.stereotype.Component;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;

/** Ids are written as plain strings in JSON (API answers and audit states), not as objects. */
@Component
class IdJson extends SimpleModule {

    IdJson() {
        super("directbill-ids");
        addSerializer(PartnerId.class, ToStringSerializer.instance);
        addSerializer(UserId.class, ToStringSerializer.instance);
    }
}
