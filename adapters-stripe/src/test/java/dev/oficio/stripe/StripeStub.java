package dev.oficio.stripe;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A WireMock server on 127.0.0.1 standing in for api.stripe.com, and helpers to read requests. */
final class StripeStub implements AutoCloseable {
  static final String SECRET_KEY = "sk_test_51OficioTestKeyWxyz";

  final WireMockServer server;

  StripeStub() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
  }

  String apiBase() {
    return "http://127.0.0.1:" + server.port();
  }

  StripeConfig config(int maxNetworkRetries, Duration readTimeout) {
    return StripeConfig.builder()
        .secretKey(SECRET_KEY)
        .apiBase(apiBase())
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(readTimeout)
        .maxNetworkRetries(maxNetworkRetries)
        .build();
  }

  StripeConfig config() {
    return config(0, Duration.ofSeconds(5));
  }

  @Override
  public void close() {
    server.stop();
  }

  /** A JSON fixture from {@code src/test/resources/stripe}. */
  static String fixture(String name) {
    try (InputStream in = StripeStub.class.getResourceAsStream("/stripe/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The request's form body decoded into a map (every key appears once in Stripe's encoding). */
  static Map<String, String> form(LoggedRequest request) {
    Map<String, String> form = new LinkedHashMap<>();
    String body = request.getBodyAsString();
    if (body == null || body.isEmpty()) {
      return form;
    }
    for (String pair : body.split("&")) {
      String[] parts = pair.split("=", 2);
      String key = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
      String value = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
      if (form.put(key, value) != null) {
        throw new AssertionError("form key sent twice: " + key);
      }
    }
    return form;
  }
}
