package dev.oficio.deposits;

/**
 * One fact a decision used, readable by an admin and the customer.
 *
 * @param name what the fact is, e.g. {@code proCheckIn}
 * @param value its value, e.g. {@code 2027-03-02T10:04-04:00 (4 min after start)}
 */
public record Evidence(String name, String value) {}
