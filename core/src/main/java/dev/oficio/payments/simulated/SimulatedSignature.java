package dev.oficio.payments.simulated;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * HMAC-SHA256 (RFC 2104) over {@code "<t>.<body>"}, the scheme Stripe uses, built on {@link
 * MessageDigest} because core may import only {@code java.*}.
 */
final class SimulatedSignature {
  private static final int BLOCK = 64;

  private SimulatedSignature() {}

  static String sign(String secret, long timestamp, String body) {
    return HexFormat.of()
        .formatHex(
            hmac(
                secret.getBytes(StandardCharsets.UTF_8),
                (timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
  }

  static boolean matches(String secret, long timestamp, String body, String hex) {
    byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
    // Constant-time comparison, as a real verifier must do.
    return MessageDigest.isEqual(expected, hex.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] hmac(byte[] key, byte[] message) {
    MessageDigest sha = sha256();
    byte[] k = key.length > BLOCK ? sha.digest(key) : key;
    byte[] padded = new byte[BLOCK];
    System.arraycopy(k, 0, padded, 0, k.length);
    byte[] inner = new byte[BLOCK];
    byte[] outer = new byte[BLOCK];
    for (int i = 0; i < BLOCK; i++) {
      inner[i] = (byte) (padded[i] ^ 0x36);
      outer[i] = (byte) (padded[i] ^ 0x5c);
    }
    sha.update(inner);
    byte[] innerHash = sha.digest(message);
    sha.update(outer);
    return sha.digest(innerHash);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
