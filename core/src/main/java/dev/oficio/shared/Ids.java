package dev.oficio.shared;

import java.util.regex.Pattern;

/** Rules shared by every typed id: non-blank, at most 128 visible characters, no whitespace. */
final class Ids {
  private static final Pattern ALLOWED = Pattern.compile("[\\p{Graph}]{1,128}");

  private Ids() {}

  static String check(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ValidationException.of(field, "must not be blank");
    }
    if (!ALLOWED.matcher(value).matches()) {
      throw ValidationException.of(
          field, "must be 1 to 128 printable characters without spaces, was '" + value + "'");
    }
    return value;
  }
}
