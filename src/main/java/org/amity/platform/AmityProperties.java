package org.amity.platform;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Platform-wide settings: the bank's zone (business dates) and whether the business clock may be moved. */
@ConfigurationProperties("amity")
public record AmityProperties(@DefaultValue("Asia/Shanghai") ZoneId bankZone, @DefaultValue Clock clock) {

    public record Clock(@DefaultValue("false") boolean adjustable) {
    }
}
