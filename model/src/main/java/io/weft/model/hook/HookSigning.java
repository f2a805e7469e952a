package io.weft.model.hook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Weft-Signature} header of a delivery: {@code t=<unix seconds>,v1=<hex>}, where the hex is
 * the lower-case HMAC-SHA256, keyed by the hook's secret, of {@code t + "." + body} (Stripe's scheme).
 * The time inside the signed text lets a receiver refuse an old request replayed with its signature.
 */
public final class HookSigning {

    public static final String SIGNATURE_HEADER = "Weft-Signature";
    public static final String DELIVERY_HEADER = "Weft-Delivery";
    public static final String EVENT_HEADER = "Weft-Event";

    private HookSigning() {
    }

    public static String header(String secret, long epochSeconds, String body) {
        return "t=" + epochSeconds + ",v1=" + hmacHex(secret, epochSeconds + "." + body);
    }

    /** Lower-case hex of HMAC-SHA256(secret, text), both as UTF-8. */
    public static String hmacHex(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
