package org.directbill.enrollment;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.directbill.shared.notice.PartnerNotice;
import org.springframework.context.event.EventListener;

/** The partner notices the service published, as the notification module receives them. */
public class PublishedNotices {

    private final List<PartnerNotice> published = new CopyOnWriteArrayList<>();

    @EventListener
    void on(PartnerNotice notice) {
        published.add(notice);
    }

    public long count(String partnerId, String kind) {
        return of(partnerId, kind).size();
    }

    public List<PartnerNotice> of(String partnerId, String kind) {
        UUID partner = UUID.fromString(partnerId);
        return published.stream()
                .filter(notice ->
                        notice.partnerId().equals(partner) && notice.kind().equals(kind))
                .toList();
    }
}
