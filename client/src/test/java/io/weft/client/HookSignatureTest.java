package io.weft.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.model.hook.HookSigning;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The receivers' verifier: a genuine, fresh signature passes; anything forged, stale or malformed fails. */
class HookSignatureTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final String BODY = "{\"eventId\":\"task:t-1:succeeded\"}";
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Test
    void genuineFreshSignatureVerifies() {
        String header = HookSigning.header(SECRET, NOW.getEpochSecond() - 10, BODY);

        assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
        assertThat(HookSignature.verify(SECRET, header, BODY, TOLERANCE, CLOCK)).isTrue();
    }

    @Test
    void changedBodyFailsVerification() {
        String header = HookSigning.header(SECRET, NOW.getEpochSecond(), BODY);

        assertThat(HookSignature.verify(SECRET, header, BODY.replace("t-1", "t-2"), TOLERANCE, CLOCK)).isFalse();
    }

    @Test
    void signatureMadeWithAnotherSecretFailsVerification() {
        String header = HookSigning.header("another-secret-another-secret-xx", NOW.getEpochSecond(), BODY);

        assertThat(HookSignature.verify(SECRET, header, BODY, TOLERANCE, CLOCK)).isFalse();
    }

    @Test
    void timestampMovedAfterSigningFailsVerification() {
        // A replayer who sets a fresh t on an old signature breaks the signature: t is part of the signed text.
        String old = HookSigning.header(SECRET, NOW.getEpochSecond() - 3600, BODY);
        String moved = old.replace("t=" + (NOW.getEpochSecond() - 3600), "t=" + NOW.getEpochSecond());

        assertThat(HookSignature.verify(SECRET, moved, BODY, TOLERANCE, CLOCK)).isFalse();
    }

    @Test
    void genuineButOldSignatureIsRefusedAsAReplay() {
        String header = HookSigning.header(SECRET, NOW.minus(TOLERANCE).getEpochSecond() - 1, BODY);

        assertThat(HookSignature.verify(SECRET, header, BODY, TOLERANCE, CLOCK)).isFalse();
    }

    @Test
    void malformedHeadersFailVerification() {
        String header = HookSigning.header(SECRET, NOW.getEpochSecond(), BODY);

        assertThat(HookSignature.verify(SECRET, null, BODY, TOLERANCE, CLOCK)).isFalse();
        assertThat(HookSignature.verify(SECRET, "v1=" + header.substring(header.indexOf("v1=") + 3), BODY, TOLERANCE, CLOCK)).isFalse();
        assertThat(HookSignature.verify(SECRET, "t=soon," + header.substring(header.indexOf("v1=")), BODY, TOLERANCE, CLOCK)).isFalse();
        assertThat(HookSignature.verify(SECRET, header.substring(0, header.indexOf(',')), BODY, TOLERANCE, CLOCK)).isFalse();
    }
}
