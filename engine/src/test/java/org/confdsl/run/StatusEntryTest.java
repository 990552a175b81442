package org.confdsl.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.confdsl.sync.Outcome;
import org.junit.jupiter.api.Test;

/** The stored JSON of status entries and host records: round trips, older entries, staleness. */
class StatusEntryTest {

    static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void anEntryWithAHeartbeatRoundTripsAndGoesStaleAfterThreeMissedBeatsAndASecond() {
        StatusEntry e = new StatusEntry("web1", "cloud", 7, 6, Outcome.CHECK_FAILED, T, "nginx said \"no\"", T, Duration.ofSeconds(3), "confdsl");

        StatusEntry back = StatusEntry.parse(e.key(), e.toJson()).orElseThrow();

        assertThat(back).isEqualTo(e);
        assertThat(e.staleAfter()).isEqualTo(Duration.ofSeconds(10));
        assertThat(e.staleAt(T.plusSeconds(10))).isFalse();
        assertThat(e.staleAt(T.plusMillis(10_001))).isTrue();
        assertThat(e.beatAt(T.plusSeconds(20)).staleAt(T.plusSeconds(21))).isFalse();
    }

    @Test
    void anEntryFromAnOlderDaemonHasNoHeartbeatAndIsNeverStale() {
        String old = "{\"revision\":12,\"applied\":12,\"outcome\":\"UPDATED\",\"at\":\"2026-12-01T10:00:00Z\",\"message\":\"\"}";

        StatusEntry e = StatusEntry.parse("/confdsl/status/web1/cloud", old).orElseThrow();

        assertThat(e.beat()).isEqualTo(T);
        assertThat(e.beatEvery()).isZero();
        assertThat(e.user()).isEmpty();
        assertThat(e.staleAt(T.plusSeconds(86_400))).isFalse();
    }

    @Test
    void aHostRecordRoundTripsAndForeignKeysAreNotHosts() {
        HostRecord r = new HostRecord("web1", List.of("cloud", "api"), "site \"x\".groovy", T, "root");

        assertThat(HostRecord.parse(r.key(), r.toJson())).contains(r);
        assertThat(HostRecord.parse("/confdsl/hosts/web1/extra", r.toJson())).isEmpty();
        assertThat(HostRecord.parse("/confdsl/hosts/web1", r.toJson())).isEmpty();
        assertThat(HostRecord.parse("/confdsl/hosts/web1/x/registered", r.toJson())).isEmpty();
        assertThat(HostRecord.parse("/confdsl/hosts/web1/registered", "not json")).isEmpty();
        assertThat(r.serves("api")).isTrue();
        assertThat(r.serves("other")).isFalse();
    }
}
