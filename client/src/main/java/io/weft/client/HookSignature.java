package io.weft.client;

import io.weft.model.hook.HookSigning;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;

/**
 * Checks a hook delivery's {@code Weft-Signature} header, for receivers. The header reads
 * {@code t=<unix seconds>,v1=<hex>}; it is genuine when the hex is HMAC-SHA256, keyed by the hook's
 * secret, of {@code t + "." + body} (the body's exact bytes, before any parsing), and fresh when
 * {@code t} is within {@code tolerance} of the receiver's clock, so a recorded request replayed later
 * is refused. Compared in constant time. A receiver in another language does the same three steps.
 */
public final class HookSignature {

    /** A tolerance that allows for clock skew and a slow network, as Stripe's default. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private HookSignature() {
    }

    /** Whether {@code header} signs {@code body} with {@code secret}, made within {@code tolerance} of now. */
    public static boolean verify(String secret, String header, String body, Duration tolerance) {
        return verify(secret, header, body, tolerance, Clock.systemUTC());
    }

    public static boolean verify(String secret, String header, String body, Duration tolerance, Clock clock) {
        if (secret == null || header == null || body == null) {
            return false;
        }
        Long timestamp = null;
        String signature = null;
        for (String part : header.split(",")) {
            String item = part.trim();
            if (item.startsWith("t=")) {
                timestamp = parse(item.substring(2));
            } else if (item.startsWith("v1=")) {
                signature = item.substring(3);
            }
        }
        if (timestamp == null || signature == null) {
            return false;
        }
        long age = Math.abs(clock.instant().getEpochSecond() - timestamp);
        if (age > tolerance.toSeconds()) {
            return false;
        }
        String expected = HookSigning.hmacHex(secret, timestamp + "." + body);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static Long parse(String seconds) {
        try {
            return Long.parseLong(seconds);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
